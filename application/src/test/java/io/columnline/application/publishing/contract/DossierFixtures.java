package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;

import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.section.SectionKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Batches, dossiers and sections for contract and service tests. */
public final class DossierFixtures {
    private DossierFixtures() {}

    public static Seed seed(String name, String domain) {
        return new Seed(
                name,
                domain,
                Optional.empty(),
                new JsonDocument("{\"company_name\":\"" + name + "\",\"domain\":\"" + domain + "\"}"));
    }

    public static Run run(Client client, Seed seed, Instant startedAt) {
        return Run.start(RunId.random(), client.id(), seed, Optional.empty(), Optional.empty(), startedAt);
    }

    public static Batch batch(Client client, Run run) {
        return Batch.open(BatchId.random(), run, client, NOW);
    }

    /** A released dossier of the run, published at {@code at}. */
    public static Dossier dossier(Run run, Client client, Batch batch, Instant at) {
        return Dossier.publish(
                DossierId.random(), run, client, batch.id(), PublishOptions.DEFAULT, Optional.empty(), at);
    }

    public static DossierSection section(String key, int position, String json) {
        return new DossierSection(
                new SectionKey(key),
                key.replace('_', ' '),
                position,
                new JsonDocument(json),
                new StepRef("writer." + key, 1));
    }

    public static List<DossierSection> sections() {
        return List.of(
                section(
                        "overview",
                        1,
                        "{\"headline\":\"Acme, \\\"the\\\" best\",\"employees\":120,\"tags\":[\"a\",\"b\"]}"),
                section("signals", 2, "{\"items\":[{\"date\":\"2026-11-01\"}],\"summary\":\"line one\\nline two\"}"));
    }
}
