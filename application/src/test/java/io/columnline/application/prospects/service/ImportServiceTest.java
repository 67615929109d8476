package io.columnline.application.prospects.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.knowledge.memory.InMemoryEventLog;
import io.columnline.application.knowledge.service.EventService;
import io.columnline.application.prospects.memory.InMemoryCompanies;
import io.columnline.application.prospects.memory.InMemoryContacts;
import io.columnline.application.prospects.memory.InMemoryProspectImports;
import io.columnline.application.prospects.memory.SplittingCsvFiles;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.service.ClientAccessService;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.prospect.ImportCounts;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportServiceTest {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryCompanies companies = new InMemoryCompanies();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryProspectImports imports =
            new InMemoryProspectImports(companies, new InMemoryContacts(companies), clock);
    private final ImportService service = new ImportService(
            new SplittingCsvFiles(),
            imports,
            new ClientAccessService(clients),
            new EventService(
                    new InMemoryEventLog(),
                    new ClientAccessService(clients),
                    clock,
                    new EventService.Settings("test:1", 90)),
            clock);
    private final Caller admin = new Caller.Admin(ApiKeyId.random());
    private final List<RowProblem> problems = new ArrayList<>();
    private Client acme;

    @BeforeEach
    void client() {
        acme = Fixtures.client("acme");
        clients.save(acme);
    }

    private ImportProspectsUseCase.Summary run(String csv, Caller caller, boolean dryRun, Optional<String> sha) {
        return service.run(new ImportProspectsUseCase.Command(
                caller,
                Optional.of(new ClientSlug("acme")),
                ProspectKind.COMPANIES,
                "list.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                sha,
                Optional.of("s1"),
                Optional.of("B1"),
                dryRun,
                false,
                StandardCharsets.UTF_8,
                Optional.empty(),
                Map.of(),
                problems::add,
                rows -> {}));
    }

    @Test
    void bad_rows_are_reported_with_line_column_value_and_reason_and_the_rest_is_imported_and_tagged() {
        var summary = run(
                "company_name,tin,employee_count,colour\nAlpha,7700000001,12,red\nBeta,7700000002,many,blue\n",
                admin,
                false,
                Optional.empty());

        assertThat(summary.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 1, 0));
        assertThat(summary.ignoredColumns()).containsExactly("colour");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("employee_count");
            assertThat(p.value()).isEqualTo("many");
            assertThat(p.reason()).startsWith("employee_count is not a number");
        });
        var stored = companies
                .list(acme.id(), Map.of(), PageRequest.first(10))
                .items()
                .get(0);
        assertThat(stored.values().get("session_key")).isEqualTo("s1");
        assertThat(stored.values().get("batch_id")).isEqualTo("B1");
    }

    @Test
    void a_file_imported_before_is_recognised_by_its_hash_and_anchors() {
        String csv = "company_name,tin\nAlpha,7700000001\n";
        var first = run(csv, admin, false, Optional.of("abc"));
        var again = run(csv, admin, false, Optional.empty());
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.importId()).isEqualTo(first.importId());
        assertThat(imports.list(acme.id(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void a_header_without_rows_is_refused() {
        assertThatThrownBy(() -> run("company_name,tin\n", admin, false, Optional.empty()))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void another_clients_key_cannot_import_into_this_client() {
        var other = Fixtures.client("other");
        clients.save(other);
        assertThatThrownBy(() -> run(
                        "company_name,tin\nA,7700000001\n",
                        new Caller.OfClient(ApiKeyId.random(), other.id()),
                        false,
                        Optional.empty()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void a_dry_run_counts_what_would_change_and_keeps_nothing() {
        var summary = run("company_name,tin\nAlpha,7700000001\n", admin, true, Optional.empty());
        assertThat(summary.counts().inserted()).isEqualTo(1);
        assertThat(companies.list(acme.id(), Map.of(), PageRequest.first(10)).items())
                .isEmpty();
    }
}
