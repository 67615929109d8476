package io.columnline.adapters.postgres.shared;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.ProspectKind;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A contact's row, read by prospects and by the statement that publishes a run's dossier. */
public final class ContactRows {
    /** The columns {@link #contact} reads, over {@code contacts k}, with {@code dossier} as the dossier id. */
    public static String columns(String dossier) {
        return "k.id, k.client_id, k.company_id, k.run_id, " + dossier + " AS dossier_id, k.created_at, k.updated_at, "
                + FieldColumns.select(ProspectKind.CONTACTS, "k", "");
    }

    public static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(
                Rows.uuid(rs, "id"),
                new ClientId(Rows.uuid(rs, "client_id")),
                Rows.optionalUuid(rs, "company_id"),
                Rows.optionalUuid(rs, "run_id"),
                Rows.optionalUuid(rs, "dossier_id"),
                FieldColumns.read(ProspectKind.CONTACTS, rs, ""),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private ContactRows() {}
}
