package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prospects.contract.RunContactsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.DossierExports.ExportRow;
import io.columnline.application.publishing.port.out.DossierExports.SectionColumn;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.run.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link DossierExports} adapter must do; run against the in-memory and the Postgres one. */
public abstract class DossierExportsContract {
    protected abstract DossierExports exports();

    protected abstract Dossiers dossiers();

    protected abstract Batches batches();

    protected abstract Runs runs();

    protected abstract Clients clients();

    protected abstract Transactions transactions();

    protected abstract io.columnline.application.prospects.port.out.Contacts contacts();

    protected abstract io.columnline.application.prospects.port.out.RunContacts runContacts();

    private Dossier publish(
            Client client, Batch batch, String company, java.time.Instant at, List<DossierSection> sections) {
        Run run = DossierFixtures.run(client, DossierFixtures.seed(company, company.toLowerCase() + ".com"), at);
        runs().insert(run);
        Dossier dossier = DossierFixtures.dossier(run, client, batch, at);
        dossiers().insert(dossier, sections);
        return dossier;
    }

    @Test
    void sections_flatten_into_columns_in_section_order_and_rows_come_newest_first() {
        Client client =
                Fixtures.client("ec-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run first = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(first);
        Batch batch = DossierFixtures.batch(client, first);
        batches().insert(batch);
        Dossier full = publish(client, batch, "Full", NOW, DossierFixtures.sections());
        Run fullRun = runs().byId(full.run()).orElseThrow();
        contacts().insert(RunContactsContract.found(fullRun, "Al First", "al@full.com", 1));
        contacts().insert(RunContactsContract.found(fullRun, "Bea, \"Second\"", null, 2));
        runContacts().attach(fullRun.id(), full.id());
        Dossier partial = publish(
                client,
                batch,
                "Partial",
                NOW.plusSeconds(1),
                List.of(
                        DossierFixtures.section(
                                "overview", 1, "{\"headline\":\"Short\",\"extra\":null,\"founded\":1999}"),
                        DossierFixtures.section("verdict", 0, "\"buy\"")));
        Dossier empty = publish(client, batch, "Empty", NOW.plusSeconds(2), List.of());

        var query = new Dossiers.Query(
                Optional.of(client.id()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
        List<SectionColumn> columns = exports().sectionColumns(query);
        assertThat(columns)
                .extracting(SectionColumn::header)
                .containsExactly(
                        "verdict",
                        "overview.employees",
                        "overview.extra",
                        "overview.founded",
                        "overview.headline",
                        "overview.tags",
                        "signals.items",
                        "signals.summary");

        List<ExportRow> rows = new ArrayList<>();
        transactions().run(() -> exports().forEachRow(query, columns, rows::add));
        assertThat(rows).extracting(ExportRow::dossier).containsExactly(empty, partial, full, full);
        assertThat(rows).extracting(ExportRow::batchName).containsOnly("V2_20261122");
        assertThat(rows.get(0).sections().values()).containsOnly("");
        assertThat(rows.get(1).sections().values()).containsExactly("buy", "", "", "1999", "Short", "", "", "");
        assertThat(rows.get(2).sections().values())
                .map(cell -> cell.replace(" ", ""))
                .containsExactly(
                        "",
                        "120",
                        "",
                        "",
                        "Acme,\"the\"best",
                        "[\"a\",\"b\"]",
                        "[{\"date\":\"2026-11-01\"}]",
                        "lineone\nlinetwo");
        assertThat(rows.get(3).sections()).isEqualTo(rows.get(2).sections());
        assertThat(rows).allSatisfy(row -> assertThat(row.contact()).hasSize(DossierExports.CONTACT_FIELDS.size()));
        assertThat(rows.get(0).contact()).containsOnly("");
        assertThat(rows.get(2).contact())
                .containsExactly("Al First", "", "", "", "al@full.com", "", "+49 30 1234; +49 171 5555", "", "");
        assertThat(rows.get(3).contact().get(0)).isEqualTo("Bea, \"Second\"");

        var ofOtherClient = new Dossiers.Query(
                Optional.of(io.columnline.domain.client.ClientId.random()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
        assertThat(exports().sectionColumns(ofOtherClient)).isEmpty();
    }
}
