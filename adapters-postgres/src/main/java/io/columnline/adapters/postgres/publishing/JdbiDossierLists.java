package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** List names sort byte by byte in lower case (COLLATE "C"), as the in-memory adapter sorts them. */
final class JdbiDossierLists implements DossierLists {
    private static final String COLUMNS = "l.id, l.client_id, l.name, l.created_at";
    private static final String ORDER = " ORDER BY lower(l.name) COLLATE \"C\", l.id";

    private final JdbiSession session;

    @Inject
    JdbiDossierLists(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(DossierList list) {
        session.useHandle(h -> h.createUpdate(
                        "INSERT INTO dossier_lists (id, client_id, name, created_at) VALUES (:id, :client, :name, :created)")
                .bind("id", list.id().value())
                .bind("client", list.client().value())
                .bind("name", list.name())
                .bind("created", Rows.offset(list.createdAt()))
                .execute());
    }

    @Override
    public Optional<DossierList> byId(ListId id) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dossier_lists l WHERE l.id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> list(rs))
                .findOne());
    }

    @Override
    public Optional<DossierList> byName(ClientId client, String name) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM dossier_lists l WHERE l.client_id = :client AND lower(l.name) = lower(:name)")
                .bind("client", client.value())
                .bind("name", name.strip())
                .map((rs, ctx) -> list(rs))
                .findOne());
    }

    @Override
    public Page<DossierList> list(ClientId client, PageRequest page) {
        List<DossierList> rows = session.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM dossier_lists l WHERE l.client_id = :client"
                                + " AND (CAST(:afterName AS text) IS NULL OR (lower(l.name) COLLATE \"C\", l.id)"
                                + "      > (CAST(:afterName AS text) COLLATE \"C\", CAST(:afterId AS uuid)))"
                                + ORDER + " LIMIT :limit")
                        .bind("client", client.value())
                        .bind("afterName", Cursors.text(page, 0))
                        .bind("afterId", Cursors.uuid(page, 1))
                        .bind("limit", page.limit() + 1)
                        .map((rs, ctx) -> list(rs))
                        .list());
        return Page.fromLookahead(rows, page.limit(), l -> Cursor.of(DossierList.nameKey(l.name()), l.id().toString()));
    }

    @Override
    public boolean add(ClientId client, DossierId dossier, ListId list, Instant at) {
        return session.withHandle(h -> h.createUpdate(
                                "INSERT INTO dossier_list_members (client_id, list_id, dossier_id, added_at)"
                                        + " VALUES (:client, :list, :dossier, :at) ON CONFLICT DO NOTHING")
                        .bind("client", client.value())
                        .bind("list", list.value())
                        .bind("dossier", dossier.value())
                        .bind("at", Rows.offset(at))
                        .execute())
                == 1;
    }

    @Override
    public boolean remove(DossierId dossier, ListId list) {
        return session.withHandle(h -> h.createUpdate(
                                "DELETE FROM dossier_list_members WHERE list_id = :list AND dossier_id = :dossier")
                        .bind("list", list.value())
                        .bind("dossier", dossier.value())
                        .execute())
                == 1;
    }

    @Override
    public Map<DossierId, List<DossierList>> ofDossiers(Collection<DossierId> dossiers) {
        if (dossiers.isEmpty()) {
            return Map.of();
        }
        record Member(DossierId dossier, DossierList list) {}
        List<Member> members = session.withHandle(h -> h.createQuery("SELECT m.dossier_id, " + COLUMNS
                        + " FROM dossier_list_members m JOIN dossier_lists l ON l.id = m.list_id"
                        + " WHERE m.dossier_id = ANY(CAST(:dossiers AS uuid[]))" + ORDER)
                .bindArray(
                        "dossiers",
                        UUID.class,
                        dossiers.stream().map(DossierId::value).toList())
                .map((rs, ctx) -> new Member(new DossierId(Rows.uuid(rs, "dossier_id")), list(rs)))
                .list());
        return members.stream()
                .collect(Collectors.groupingBy(
                        Member::dossier, LinkedHashMap::new, Collectors.mapping(Member::list, Collectors.toList())));
    }

    private static DossierList list(ResultSet rs) throws SQLException {
        return new DossierList(
                new ListId(Rows.uuid(rs, "id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("name"),
                Rows.instant(rs, "created_at"));
    }
}
