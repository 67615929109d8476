package io.columnline.domain.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
    private static Field field(ProspectKind kind, String name) {
        return kind.field(name).orElseThrow();
    }

    private static Object company(String name, String raw) {
        return field(ProspectKind.COMPANIES, name).parse(raw);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1234567.89|1234567.89",
                "1 234 567,89|1234567.89",
                "1,234,567.89|1234567.89",
                "1.234.567,89|1234567.89",
                "-12,5|-12.5",
                "1 000|1000",
                "0,00|0",
                "1,234,567|1234567",
                "12,50|12.5",
                "7.5|7.5"
            })
    void numbers_are_read_as_people_write_them(String raw, String expected) {
        assertThat((BigDecimal) company("revenue", raw)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12abc", "1,2,3", "1.234,567.8", "--5", ",", "1,234"})
    void numbers_that_are_not_numbers_or_could_mean_two_things_are_refused(String raw) {
        assertThatThrownBy(() -> company("revenue", raw)).isInstanceOf(BadValue.class);
    }

    @Test
    void dates_are_iso_or_day_month_year_and_must_exist() {
        assertThat(company("registration_date", "22.11.2026")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(company("registration_date", "2026-11-22")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThatThrownBy(() -> company("registration_date", "31.02.2026")).hasMessageContaining("calendar date");
        assertThatThrownBy(() -> company("registration_date", "11/22/2026")).isInstanceOf(BadValue.class);
        assertThat(field(ProspectKind.CONTACTS, "outreach_sent_date").parse("22.11.2026 10:15"))
                .isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
    }

    @Test
    void booleans_lists_emails_choices_and_json() {
        assertThat(company("sme_registry", "Да")).isEqualTo(true);
        assertThat(company("sme_registry", "нет")).isEqualTo(false);
        assertThatThrownBy(() -> company("sme_registry", "maybe")).isInstanceOf(BadValue.class);
        assertThat(company("all_company_emails", "a@x.ru; B@X.RU")).isEqualTo(List.of("a@x.ru", "B@x.ru"));
        assertThat(company("all_company_emails", "[\"a@x.ru\",\"b@x.ru\"]")).isEqualTo(List.of("a@x.ru", "b@x.ru"));
        assertThatThrownBy(() -> company("primary_email", "not-an-email")).isInstanceOf(BadValue.class);
        assertThat(company("office_qualification", "more")).isEqualTo("More");
        assertThatThrownBy(() -> company("office_qualification", "Medium")).hasMessageContaining("More, Less");
        assertThat(field(ProspectKind.CONTACTS, "test_status").parse("Завершено:Успех"))
                .isEqualTo("Завершено:Успех");
        assertThat(field(ProspectKind.CONTACTS, "ai_research_data").parse("{\"a\": [1, true, null]}"))
                .isNotNull();
        assertThatThrownBy(
                        () -> field(ProspectKind.CONTACTS, "ai_research_data").parse("{a: 1}"))
                .hasMessageContaining("not valid JSON");
        assertThat(company("domain", "https://www.Acme.com/about")).isEqualTo("acme.com");
        assertThat(company("tin", "77 0123 4567")).isEqualTo("7701234567");
    }
}
