package io.columnline.application.tenancy.service;

import io.columnline.application.shared.Remembered;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import io.columnline.application.tenancy.port.in.AuthenticateUseCase;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.domain.access.ApiKey;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Unauthenticated;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keys and authentication. One instance serves both, so that revoking a key forgets it at once in
 * the cache of recently seen keys that spares every request a key lookup.
 */
@Singleton
public final class ApiKeyService implements ApiKeysUseCase, AuthenticateUseCase {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_CONFIGURED_LENGTH = 20;
    /** A key revoked through another process or instance stops working within this time. */
    static final Duration REMEMBER_FOR = Duration.ofSeconds(10);

    private static final int MAX_REMEMBERED = 10_000;

    /** Active keys seen recently, by hash; unknown and revoked keys are never remembered. */
    private final Remembered<String, Caller> recent;

    private final ApiKeys keys;
    private final ClientAccess access;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ApiKeyService(ApiKeys keys, ClientAccess access, Transactions transactions, Clock clock) {
        this.keys = keys;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
        this.recent = new Remembered<>(REMEMBER_FOR, MAX_REMEMBERED, clock);
    }

    @Override
    public Caller authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new Unauthenticated("send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        }
        String hash = hash(secret);
        return recent.get(
                hash,
                () -> keys.byHash(hash)
                        .filter(ApiKey::isActive)
                        .map(ApiKey::asCaller)
                        .orElseThrow(() -> new Unauthenticated("the API key is unknown or has been revoked")));
    }

    @Override
    public IssuedKey issue(Caller caller, Optional<ClientSlug> client) {
        caller.requireAdmin();
        return issueAsOperator(client);
    }

    @Override
    public IssuedKey issueAsOperator(Optional<ClientSlug> client) {
        return transactions.inTransaction(() -> {
            Optional<ClientId> owner = client.map(slug ->
                    access.visible(new Caller.Admin(ApiKeyId.random()), slug).id());
            String secret = newSecret();
            ApiKeyId id = ApiKeyId.random();
            keys.insert(new ApiKey(id, hash(secret), owner, clock.instant(), Optional.empty()));
            return new IssuedKey(id, secret, client);
        });
    }

    @Override
    public void revoke(Caller caller, ApiKeyId id) {
        caller.requireAdmin();
        revokeAsOperator(id);
    }

    @Override
    public void revokeAsOperator(ApiKeyId id) {
        transactions.run(() -> {
            keys.byId(id).orElseThrow(() -> new NotFound("api key", id));
            keys.revoke(id, clock.instant());
        });
        recent.forgetIf(caller -> caller.keyId().equals(id));
    }

    @Override
    public Optional<String> ensureAdminKey(Optional<String> configured) {
        if (configured.isPresent() && configured.get().length() < MIN_CONFIGURED_LENGTH) {
            throw new Invalid("COLUMNLINE_ADMIN_KEY", "must be at least " + MIN_CONFIGURED_LENGTH + " characters");
        }
        return transactions.inTransaction(() -> {
            if (keys.anyActiveAdmin()) {
                return Optional.empty();
            }
            String secret = configured.orElseGet(ApiKeyService::newSecret);
            keys.insert(
                    new ApiKey(ApiKeyId.random(), hash(secret), Optional.empty(), clock.instant(), Optional.empty()));
            return configured.isPresent() ? Optional.empty() : Optional.of(secret);
        });
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "cl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keys carry 256 random bits, so a plain SHA-256 is enough and keeps lookups a single index hit. */
    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
