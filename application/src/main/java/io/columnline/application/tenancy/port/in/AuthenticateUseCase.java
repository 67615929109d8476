package io.columnline.application.tenancy.port.in;

import io.columnline.domain.access.Caller;

public interface AuthenticateUseCase {
    /** The caller a secret key stands for; throws Unauthenticated for an unknown or revoked key. */
    Caller authenticate(String secret);
}
