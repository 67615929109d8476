package io.columnline.application.prospects.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface Contacts {
    void insert(Contact contact);

    Optional<Contact> byId(UUID id);

    /** Writes the values; {@code updated_at} moves only when a value really changed. Returns the stored row. */
    Contact update(Contact contact);

    /** Contacts of one client whose fields equal the given values ({@code company_id} too), by id. */
    Page<Contact> list(ClientId client, Map<String, Object> equal, PageRequest page);

    /** Contacts with their company, by contact id. */
    Page<Member> audience(ClientId client, Audience audience, PageRequest page);

    /** Per campaign number, newest number first. */
    List<CampaignStats> campaignStats(ClientId client);

    record Member(Contact contact, Company company) {}
}
