package io.columnline.domain.prospect;

/** Engagement of one campaign: contacts queued and the replies they sent. */
public record CampaignStats(String campaignNumber, long contacts, long bounces, long unsubscribes, long infoRequests) {}
