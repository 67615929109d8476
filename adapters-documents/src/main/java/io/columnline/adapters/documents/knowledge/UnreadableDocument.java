package io.columnline.adapters.documents.knowledge;

/** A document a reader cannot turn into text; the message tells a person what to do about it. */
final class UnreadableDocument extends RuntimeException {
    UnreadableDocument(String reason) {
        super(reason, null, false, false);
    }
}
