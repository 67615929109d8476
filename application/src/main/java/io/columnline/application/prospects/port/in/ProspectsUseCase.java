package io.columnline.application.prospects.port.in;

import io.columnline.application.prospects.port.out.Contacts.Member;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads companies and contacts, selects audiences, and writes enrichment back. Filters and
 * patches name fields by the seed's names; values are written as people write them (the same
 * rules as imports) and a {@code null} value empties a field.
 */
public interface ProspectsUseCase {
    Company company(Caller caller, UUID id);

    Page<Company> companies(Caller caller, Optional<ClientSlug> client, Map<String, String> filters, PageRequest page);

    Company patchCompany(Caller caller, UUID id, Map<String, String> values);

    Contact contact(Caller caller, UUID id);

    Page<Contact> contacts(Caller caller, Optional<ClientSlug> client, Map<String, String> filters, PageRequest page);

    Contact patchContact(Caller caller, UUID id, Map<String, String> values);

    Page<Member> audience(Caller caller, Optional<ClientSlug> client, Audience audience, PageRequest page);
}
