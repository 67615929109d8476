package io.columnline.application.publishing.port.in;

public interface DeliverWebhooksUseCase {
    /** Sends every due delivery once; returns how many were attempted. */
    int deliverDue();
}
