package io.columnline.domain.prospect;

import static io.columnline.domain.prospect.Field.choice;
import static io.columnline.domain.prospect.Field.lookup;
import static io.columnline.domain.prospect.Field.of;
import static io.columnline.domain.prospect.FieldType.BOOLEAN;
import static io.columnline.domain.prospect.FieldType.DATE;
import static io.columnline.domain.prospect.FieldType.DECIMAL;
import static io.columnline.domain.prospect.FieldType.DOMAIN;
import static io.columnline.domain.prospect.FieldType.EMAIL;
import static io.columnline.domain.prospect.FieldType.EMAIL_LIST;
import static io.columnline.domain.prospect.FieldType.IDENTIFIER;
import static io.columnline.domain.prospect.FieldType.INTEGER;
import static io.columnline.domain.prospect.FieldType.JSON;
import static io.columnline.domain.prospect.FieldType.TEXT;
import static io.columnline.domain.prospect.FieldType.TEXT_LIST;
import static io.columnline.domain.prospect.FieldType.TIMESTAMP;

import io.columnline.domain.error.Invalid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The two prospect tables and their fields, in the seed's names and order. */
public enum ProspectKind {
    COMPANIES(
            "companies",
            List.of(
                    of("company_name", TEXT),
                    of("tin", IDENTIFIER),
                    of("registration_number", IDENTIFIER),
                    of("registration_date", DATE),
                    of("region", TEXT),
                    of("status", TEXT).withDefault("Active"),
                    of("segment", TEXT),
                    of("source", TEXT),
                    of("sme_registry", BOOLEAN),
                    choice("office_qualification", "More", "Less"),
                    of("revenue", DECIMAL),
                    of("balance", DECIMAL),
                    of("net_profit_loss", DECIMAL),
                    of("employee_count", INTEGER),
                    of("ceo_name", TEXT),
                    of("ceo_position", TEXT),
                    of("primary_email", EMAIL),
                    of("all_company_emails", EMAIL_LIST),
                    of("website", TEXT),
                    of("domain", DOMAIN),
                    of("company_description", TEXT),
                    of("company_research", TEXT),
                    of("session_key", TEXT),
                    of("batch_id", TEXT),
                    of("workflow_execution_id", TEXT),
                    of("processing_status", TEXT).withDefault("pending"))),
    CONTACTS(
            "contacts",
            List.of(
                    of("company_name", TEXT),
                    lookup("company_tin", IDENTIFIER),
                    lookup("company_registration_number", IDENTIFIER),
                    lookup("company_domain", DOMAIN),
                    of("full_name", TEXT),
                    of("first_name", TEXT),
                    of("last_name", TEXT),
                    of("middle_name", TEXT),
                    of("position", TEXT),
                    of("work_email", EMAIL),
                    of("generic_email", EMAIL),
                    of("phone_numbers", TEXT_LIST),
                    of("source_urls", TEXT_LIST),
                    of("linkedin_url", TEXT),
                    of("outreach_sent_date", TIMESTAMP),
                    choice("outreach_type", "marketing", "sales"),
                    of("campaign_number", TEXT),
                    of("campaign_status", TEXT),
                    of("reply_unsubscribe", BOOLEAN).withDefault(false),
                    of("reply_info_request", BOOLEAN).withDefault(false),
                    of("reply_bounce", BOOLEAN).withDefault(false),
                    of("client_status", TEXT),
                    of("test_date", DATE),
                    choice(
                            "test_status",
                            "Начато",
                            "Идет",
                            "Завершено:Успех",
                            "Завершено:Неудача",
                            "Завершено:Требуется доработка"),
                    of("company_session_key", TEXT),
                    of("employee_session_key", TEXT),
                    of("processing_status", TEXT).withDefault("pending"),
                    of("source_service", TEXT),
                    of("ai_research_data", JSON)));

    private final String key;
    private final List<Field> fields;
    private final Map<String, Field> byName = new LinkedHashMap<>();

    ProspectKind(String key, List<Field> fields) {
        this.key = key;
        this.fields = fields;
        fields.forEach(f -> byName.put(f.name(), f));
    }

    /** {@code companies} or {@code contacts}, as in URLs, commands and the imports table. */
    public String key() {
        return key;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<Field> storedFields() {
        return fields.stream().filter(Field::stored).toList();
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The field a file's column header means: the seed's name, ignoring case, surrounding spaces and
     * spaces or dashes inside ({@code "Company Name"} is {@code company_name}).
     */
    public Optional<Field> fieldForHeader(String header) {
        return field(normalHeader(header));
    }

    public static String normalHeader(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    public static ProspectKind fromKey(String key) {
        for (ProspectKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new Invalid("kind", "'" + key + "' is not companies or contacts");
    }
}
