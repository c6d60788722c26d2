package dev.messaging.message;

/**
 * Ids of the service's own records a message relates to: the vehicle, the vendor, the review
 * request, and the campaign that sent it (a one-time or an automated one; a message with either is
 * Marketing).
 */
public record MessageLinks(String vehicleId, String vendorId, String locationReviewRequestId,
        String oneTimeCampaignId, String automatedCampaignId) {
    public static final MessageLinks NONE = new MessageLinks(null, null, null, null, null);

    /** Whether a campaign sent the message. */
    public boolean fromCampaign() {
        return oneTimeCampaignId != null || automatedCampaignId != null;
    }

    /** These links with the vehicle's id. */
    public MessageLinks withVehicleId(String value) {
        return new MessageLinks(value, vendorId, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId);
    }

    /** These links with the vendor's id. */
    public MessageLinks withVendorId(String value) {
        return new MessageLinks(vehicleId, value, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId);
    }

    /** These links with the campaigns that sent the message (either makes it Marketing). */
    public MessageLinks withCampaigns(String oneTime, String automated) {
        return new MessageLinks(vehicleId, vendorId, locationReviewRequestId, oneTime, automated);
    }

    /** These links with the location's review request. */
    public MessageLinks withLocationReviewRequestId(String value) {
        return new MessageLinks(vehicleId, vendorId, value, oneTimeCampaignId, automatedCampaignId);
    }
}
