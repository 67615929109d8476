package io.columnline.application.prospects.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.prospects.port.out.ProspectImports.Applied;
import io.columnline.application.prospects.port.out.ProspectImports.Batch;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import engine's rules, the same for the Postgres COPY engine and the in-memory one. */
public abstract class ProspectImportsContract {
    protected abstract ProspectImports imports();

    protected abstract Companies companies();

    protected abstract Contacts contacts();

    protected abstract Clients clients();

    private Client client;

    @BeforeEach
    void client() {
        client = Fixtures.client("acme");
        clients().save(client);
    }

    private static List<Field> fields(ProspectKind kind, String... names) {
        return java.util.Arrays.stream(names)
                .map(n -> kind.field(n).orElseThrow())
                .toList();
    }

    private static FieldValues values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return new FieldValues(map);
    }

    private record Result(Applied applied, List<RowProblem> late, UUID id) {}

    private Result run(ProspectKind kind, List<Field> given, boolean dryRun, FieldValues... rows) {
        UUID id = UUID.randomUUID();
        List<RowProblem> late = new ArrayList<>();
        try (Batch batch = imports().begin(new ProspectImports.Plan(id, client.id(), kind, given, dryRun))) {
            long line = 2;
            for (FieldValues row : rows) {
                batch.add(line++, row);
            }
            Applied applied = batch.finish(
                    new ProspectImports.Finish(
                            "f.csv", "sha-" + kind, Optional.of("s1"), Optional.empty(), rows.length, 0, NOW),
                    late::add);
            return new Result(applied, late, id);
        }
    }

    private List<Company> stored() {
        return companies().list(client.id(), Map.of(), PageRequest.first(500)).items();
    }

    @Test
    void importing_the_same_rows_twice_inserts_then_changes_nothing() {
        var given = fields(ProspectKind.COMPANIES, "company_name", "tin", "segment");
        var first = run(
                ProspectKind.COMPANIES,
                given,
                false,
                values("company_name", "Alpha", "tin", "7700000001", "segment", "Fintech"),
                values("company_name", "Beta", "tin", "7700000002", "segment", null));
        assertThat(first.applied()).isEqualTo(new Applied(2, 0, 0, 0, 0));
        List<Company> before = stored();

        var second = run(
                ProspectKind.COMPANIES,
                given,
                false,
                values("company_name", "Alpha", "tin", "7700000001", "segment", "Fintech"),
                values("company_name", "Beta", "tin", "7700000002", "segment", null));

        assertThat(second.applied()).isEqualTo(new Applied(0, 0, 2, 0, 0));
        assertThat(stored()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(stored())
                .allSatisfy(c -> assertThat(c.values().get("status")).isEqualTo("Active"));
    }

    @Test
    void the_last_row_of_a_key_wins_and_fields_the_file_lacks_are_kept() {
        run(
                ProspectKind.COMPANIES,
                fields(ProspectKind.COMPANIES, "company_name", "tin", "segment"),
                false,
                values("company_name", "Alpha", "tin", "7700000001", "segment", "Fintech"));

        var second = run(
                ProspectKind.COMPANIES,
                fields(ProspectKind.COMPANIES, "company_name", "tin"),
                false,
                values("company_name", "Alpha One", "tin", "7700000001"),
                values("company_name", "Alpha Two", "tin", "7700000001"));

        assertThat(second.applied()).isEqualTo(new Applied(0, 1, 0, 0, 1));
        Company alpha = stored().get(0);
        assertThat(alpha.name()).isEqualTo("Alpha Two");
        assertThat(alpha.values().get("segment")).isEqualTo("Fintech");
        assertThat(alpha.updatedAt()).isAfterOrEqualTo(alpha.createdAt());
    }

    @Test
    void a_registration_number_held_by_another_company_is_rejected() {
        var given = fields(ProspectKind.COMPANIES, "company_name", "tin", "registration_number");
        run(
                ProspectKind.COMPANIES,
                given,
                false,
                values("company_name", "Alpha", "tin", "7700000001", "registration_number", "R1"));

        var second = run(
                ProspectKind.COMPANIES,
                given,
                false,
                values("company_name", "Beta", "tin", "7700000002", "registration_number", "R1"),
                values("company_name", "Gamma", "tin", "7700000003", "registration_number", "R3"),
                values("company_name", "Delta", "tin", "7700000004", "registration_number", "R3"));

        assertThat(second.applied()).isEqualTo(new Applied(1, 0, 0, 2, 0));
        assertThat(second.late()).extracting(RowProblem::line).containsExactlyInAnyOrder(2L, 3L);
        assertThat(second.late()).allSatisfy(p -> assertThat(p.column()).isEqualTo("registration_number"));
        assertThat(stored()).extracting(Company::name).containsExactlyInAnyOrder("Alpha", "Delta");
        assertThat(imports().errors(second.id(), PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void a_dry_run_and_an_unfinished_batch_write_nothing() {
        var given = fields(ProspectKind.COMPANIES, "company_name", "tin");
        var dry = run(ProspectKind.COMPANIES, given, true, values("company_name", "Alpha", "tin", "7700000001"));
        assertThat(dry.applied().inserted()).isEqualTo(1);
        try (Batch batch = imports()
                .begin(new ProspectImports.Plan(
                        UUID.randomUUID(), client.id(), ProspectKind.COMPANIES, given, false))) {
            batch.add(2, values("company_name", "Beta", "tin", "7700000002"));
        }
        assertThat(stored()).isEmpty();
        assertThat(imports().list(client.id(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void contacts_find_their_company_create_it_when_they_can_and_are_rejected_otherwise() {
        run(
                ProspectKind.COMPANIES,
                fields(ProspectKind.COMPANIES, "company_name", "tin", "domain"),
                false,
                values("company_name", "Alpha", "tin", "7700000001", "domain", "alpha.ru"));
        var given = fields(ProspectKind.CONTACTS, "company_name", "full_name", "work_email", "position");
        var contacts = run(
                ProspectKind.CONTACTS,
                given,
                false,
                values(
                        "company_tin",
                        "7700000001",
                        "full_name",
                        "Ivan",
                        "work_email",
                        "ivan@alpha.ru",
                        "position",
                        "CTO"),
                values("company_domain", "alpha.ru", "full_name", "Olga", "work_email", null, "position", "CFO"),
                values("company_tin", "7700000009", "company_name", "New Co", "full_name", "Petr", "work_email", null),
                values("company_tin", "7799999999", "full_name", "Nobody", "work_email", null),
                values(
                        "company_tin",
                        "7700000001",
                        "full_name",
                        "Ivan Again",
                        "work_email",
                        "IVAN@alpha.ru",
                        "position",
                        "CEO"));

        assertThat(contacts.applied()).isEqualTo(new Applied(3, 0, 0, 1, 1));
        assertThat(contacts.late()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).startsWith("company not found");
        });
        assertThat(stored()).extracting(Company::name).containsExactlyInAnyOrder("Alpha", "New Co");
        var ivan = contacts()
                .list(client.id(), Map.of("position", "CEO"), PageRequest.first(10))
                .items();
        assertThat(ivan)
                .singleElement()
                .satisfies(c -> assertThat(c.values().get("full_name")).isEqualTo("Ivan Again"));

        var again = run(
                ProspectKind.CONTACTS,
                given,
                false,
                values(
                        "company_tin",
                        "7700000001",
                        "full_name",
                        "Ivan Again",
                        "work_email",
                        "IVAN@alpha.ru",
                        "position",
                        "CEO"));
        assertThat(again.applied()).isEqualTo(new Applied(0, 0, 1, 0, 0));
    }

    @Test
    void a_finished_import_is_recorded_and_found_again_by_file_and_anchors() {
        var result = run(
                ProspectKind.COMPANIES,
                fields(ProspectKind.COMPANIES, "company_name", "tin"),
                false,
                values("company_name", "Alpha", "tin", "7700000001"));
        var record = imports()
                .previous(
                        client.id(),
                        ProspectKind.COMPANIES,
                        "sha-" + ProspectKind.COMPANIES,
                        Optional.of("s1"),
                        Optional.empty());
        assertThat(record).hasValueSatisfying(r -> {
            assertThat(r.id()).isEqualTo(result.id());
            assertThat(r.counts().inserted()).isEqualTo(1);
        });
        assertThat(imports()
                        .previous(
                                client.id(),
                                ProspectKind.COMPANIES,
                                "sha-" + ProspectKind.COMPANIES,
                                Optional.of("other"),
                                Optional.empty()))
                .isEmpty();
        assertThat(imports().byId(result.id())).isEqualTo(record);
    }
}
