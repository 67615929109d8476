package io.columnline.application.prospects.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Company;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface Companies {
    void insert(Company company);

    Optional<Company> byId(UUID id);

    /** Writes the values; {@code updated_at} moves only when a value really changed. Returns the stored row. */
    Company update(Company company);

    /** Companies of one client whose fields equal the given values, by id. */
    Page<Company> list(ClientId client, Map<String, Object> equal, PageRequest page);
}
