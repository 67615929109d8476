package io.columnline.domain.client;

import java.time.Instant;

public record ProfileVersion(int version, ClientProfile profile, Instant createdAt) {}
