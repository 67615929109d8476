package io.columnline.app.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad-input figures, through the real CLI, CSV reader and PostgreSQL. */
class ImportBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER =
            "company_name,tin,registration_number,registration_date,status,segment,sme_registry,office_qualification,"
                    + "revenue,employee_count,primary_email,website";

    static Harness harness;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        harness = new Harness();
        assertThat(harness.cli("clients", "create", "acme", "--name", "Acme").exit())
                .isZero();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void empty() {
        harness.database.jdbi().useHandle(h -> h.execute("TRUNCATE imports, contacts, companies CASCADE"));
    }

    private static String good(int i) {
        return String.join(
                ",",
                "\"ООО \"\"Ромашка " + i + "\"\"\"",
                Long.toString(7700000000L + i),
                "",
                i % 2 == 0 ? "22.11.2020" : "2020-11-22",
                "Active",
                "Fintech",
                i % 2 == 0 ? "да" : "no",
                "More",
                "\"1 234 567,89\"",
                "12",
                "info" + i + "@romashka.ru",
                "https://www.romashka" + i + ".ru/");
    }

    /** 200 rows, every 20th broken in one of the ways a real file breaks (5%). */
    private record Broken(List<String> lines, Map<Integer, String> reasons, int duplicates) {}

    private static Broken brokenFile() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        Map<Integer, String> reasons = new LinkedHashMap<>();
        int duplicates = 0;
        for (int i = 1; i <= 200; i++) {
            int line = i + 1;
            String row = good(i);
            String[] cells = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            switch (i % 20 == 0 ? i / 20 : 0) {
                case 1 -> {
                    cells[3] = "31.02.2020";
                    reasons.put(line, "registration_date is not a calendar date");
                }
                case 2 -> {
                    cells[8] = "12abc";
                    reasons.put(line, "revenue is not a number");
                }
                case 3 -> {
                    cells[10] = "not-an-email";
                    reasons.put(line, "primary_email is not an e-mail address");
                }
                case 4 -> {
                    cells[7] = "Medium";
                    reasons.put(line, "office_qualification must be one of More, Less");
                }
                case 5 -> {
                    cells[9] = "twelve";
                    reasons.put(line, "employee_count is not a number");
                }
                case 6 -> {
                    cells = java.util.Arrays.copyOf(cells, cells.length - 2);
                    reasons.put(line, "has 10 columns, the header has 12");
                }
                case 7 -> {
                    cells[0] = "\"ООО \"Ромашка\" Плюс\"";
                    reasons.put(line, "stray quote");
                }
                case 8 -> {
                    cells[6] = "maybe";
                    reasons.put(line, "sme_registry is not a yes/no value");
                }
                case 9 -> {
                    cells[1] = Long.toString(7700000000L + 1);
                    duplicates++;
                }
                case 10 -> {
                    cells[1] = "";
                    reasons.put(line, "a company needs a tin or a registration_number");
                }
                default -> {}
            }
            lines.add(String.join(",", cells));
        }
        return new Broken(lines, reasons, duplicates);
    }

    @Test
    void a_file_with_five_percent_broken_rows_imports_every_good_row_and_rejects_exactly_the_broken_ones()
            throws IOException {
        Broken broken = brokenFile();
        Path file = write("companies.csv", String.join("\n", broken.lines()) + "\n", StandardCharsets.UTF_8);
        Path errors = dir.resolve("errors.csv");

        var run = harness.cli(
                "import",
                "companies",
                file.toString(),
                "--client",
                "acme",
                "--errors",
                errors.toString(),
                "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        JsonNode summary = JSON.readTree(run.out());
        int rejected = broken.reasons().size();
        assertThat(summary.get("read").asLong()).isEqualTo(200);
        assertThat(summary.get("rejected").asLong()).isEqualTo(rejected);
        assertThat(summary.get("duplicates_in_file").asLong()).isEqualTo(broken.duplicates());
        assertThat(summary.get("inserted").asLong()).isEqualTo(200 - rejected - broken.duplicates());
        assertThat(harness.count("SELECT count(*) FROM companies")).isEqualTo(200 - rejected - broken.duplicates());

        Map<Integer, String> found = new LinkedHashMap<>();
        for (String line :
                Files.readAllLines(errors).subList(1, Files.readAllLines(errors).size())) {
            found.put(Integer.parseInt(line.substring(0, line.indexOf(','))), line);
        }
        assertThat(found.keySet())
                .containsExactlyInAnyOrderElementsOf(broken.reasons().keySet());
        broken.reasons().forEach((line, reason) -> assertThat(found.get(line)).contains(reason));
        // the duplicate tin (line 182 repeats the tin of line 2): the later row wins
        assertThat(
                        harness.count(
                                "SELECT count(*) FROM companies WHERE tin = '7700000001' AND company_name LIKE '%Ромашка 180%'"))
                .isEqualTo(1);

        var again = harness.cli(
                "import",
                "companies",
                file.toString(),
                "--client",
                "acme",
                "--errors",
                errors.toString(),
                "--format",
                "json",
                "--force");
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("inserted").asLong()).isZero();
        assertThat(second.get("updated").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(200 - rejected - broken.duplicates());
        assertThat(harness.count("SELECT count(*) FROM companies WHERE updated_at <> created_at"))
                .isZero();
    }

    @Test
    void the_same_file_is_recognised_as_already_imported_and_a_dry_run_writes_nothing() throws IOException {
        Path file = write("list.csv", HEADER + "\n" + good(1) + "\n" + good(2) + "\n", StandardCharsets.UTF_8);
        var dry = harness.cli(
                "import", "companies", file.toString(), "--client", "acme", "--dry-run", "--format", "json");
        assertThat(JSON.readTree(dry.out()).get("inserted").asLong()).isEqualTo(2);
        assertThat(harness.count("SELECT count(*) FROM companies")).isZero();
        assertThat(harness.count("SELECT count(*) FROM imports")).isZero();

        assertThat(harness.cli("import", "companies", file.toString(), "--client", "acme")
                        .exit())
                .isZero();
        var again = harness.cli("import", "companies", file.toString(), "--client", "acme");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already imported");
        assertThat(harness.count("SELECT count(*) FROM imports")).isEqualTo(1);
    }

    @Test
    void contacts_find_their_company_and_one_without_a_company_is_rejected_with_that_reason() throws IOException {
        Path companies = write("c.csv", HEADER + "\n" + good(1) + "\n", StandardCharsets.UTF_8);
        assertThat(harness.cli("import", "companies", companies.toString(), "--client", "acme")
                        .exit())
                .isZero();
        Path contacts = write(
                "k.csv",
                String.join(
                                "\n",
                                "company_tin,full_name,position,work_email,phone_numbers,reply_bounce,test_status,ai_research_data",
                                "7700000001,Иван Петров,CTO,ivan@romashka1.ru,+7 900 000-00-01;+7 900 000-00-02,нет,Идет,\"{\"\"a\"\": 1}\"",
                                "7799999999,Пётр Иванов,CEO,petr@nowhere.ru,,,,",
                                "7700000001,Анна,CFO,bad@,,,,",
                                "7700000001,Ольга,COO,olga@romashka1.ru,,,Готово,")
                        + "\n",
                StandardCharsets.UTF_8);
        Path errors = dir.resolve("k.errors.csv");

        var run = harness.cli(
                "import",
                "contacts",
                contacts.toString(),
                "--client",
                "acme",
                "--errors",
                errors.toString(),
                "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(JSON.readTree(run.out()).get("inserted").asLong()).isEqualTo(1);
        String problems = Files.readString(errors);
        assertThat(problems).contains("3,company_tin,7799999999,company not found");
        assertThat(problems).contains("4,work_email,bad@,work_email is not an e-mail address");
        assertThat(problems).contains("5,test_status,Готово,\"test_status must be one of");
        assertThat(harness.count(
                        "SELECT count(*) FROM contacts WHERE phone_numbers = ARRAY['+7 900 000-00-01', '+7 900 000-00-02']"
                                + " AND company_id IS NOT NULL AND ai_research_data = '{\"a\": 1}'::jsonb"))
                .isEqualTo(1);
    }

    @Test
    void an_empty_file_gives_a_clear_error_and_writes_nothing() throws IOException {
        assertFails(write("empty.csv", "", StandardCharsets.UTF_8), "is empty");
    }

    @Test
    void a_header_without_rows_gives_a_clear_error() throws IOException {
        assertFails(write("header.csv", HEADER + "\n", StandardCharsets.UTF_8), "has a header line but no rows");
    }

    @Test
    void duplicate_header_names_give_a_clear_error() throws IOException {
        assertFails(
                write("dup.csv", "company_name,tin,Company Name\nA,7700000001,B\n", StandardCharsets.UTF_8),
                "repeats column 1");
    }

    @Test
    void a_windows_1251_file_read_as_utf_8_gives_a_clear_error_and_imports_with_its_encoding() throws IOException {
        Charset cp1251 = Charset.forName("windows-1251");
        Path file = write("cp1251.csv", HEADER + "\n" + good(1) + "\n" + good(2) + "\n", cp1251);
        assertFails(file, "line 2 has bytes that are not UTF-8");
        var run = harness.cli("import", "companies", file.toString(), "--client", "acme", "--encoding", "windows-1251");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(harness.count("SELECT count(*) FROM companies WHERE company_name = 'ООО \"Ромашка 1\"'"))
                .isEqualTo(1);
    }

    @Test
    void a_byte_order_mark_semicolons_and_mapped_columns_are_fine() throws IOException {
        Path file = write(
                "bom.csv", "\uFEFFНазвание;ИНН;status\n\"ООО Вектор\";7700000005;Paused\n", StandardCharsets.UTF_8);
        var run = harness.cli(
                "import",
                "companies",
                file.toString(),
                "--client",
                "acme",
                "--map",
                "Название=company_name",
                "--map",
                "ИНН=tin");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(harness.count("SELECT count(*) FROM companies WHERE tin = '7700000005' AND status = 'Paused'"))
                .isEqualTo(1);
    }

    private void assertFails(Path file, String message) {
        var run = harness.cli("import", "companies", file.toString(), "--client", "acme");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(message);
        assertThat(harness.count("SELECT count(*) FROM companies")).isZero();
        assertThat(harness.count("SELECT count(*) FROM imports")).isZero();
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, charset);
        return file;
    }
}
