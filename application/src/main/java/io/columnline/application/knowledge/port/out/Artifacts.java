package io.columnline.application.knowledge.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.Artifact;
import io.columnline.domain.run.RunId;
import java.util.List;
import java.util.Optional;

/** Every version of every artifact. */
public interface Artifacts {
    /** False, nothing written, when the key has this version already (a concurrent writer won). */
    boolean add(Artifact artifact);

    Optional<Artifact> latest(ClientId client, String key);

    Optional<Artifact> version(ClientId client, String key, int version);

    /** Oldest first. */
    List<Artifact> versions(ClientId client, String key);

    /** The newest version of each key, oldest key first (by its first version); filters must all match. */
    Page<Artifact> list(Filter filter, PageRequest page);

    record Filter(Optional<ClientId> client, Optional<String> kind, Optional<RunId> run) {}
}
