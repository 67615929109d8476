package io.columnline.domain.prospect;

import io.columnline.domain.error.Invalid;

/** A reply to outreach, each setting one of the seed's reply flags. */
public enum ReplyKind {
    BOUNCE("bounce", "reply_bounce"),
    UNSUBSCRIBE("unsubscribe", "reply_unsubscribe"),
    INFO_REQUEST("info_request", "reply_info_request");

    private final String key;
    private final String field;

    ReplyKind(String key, String field) {
        this.key = key;
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static ReplyKind fromKey(String key) {
        for (ReplyKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new Invalid("kind", "must be bounce, unsubscribe or info_request");
    }
}
