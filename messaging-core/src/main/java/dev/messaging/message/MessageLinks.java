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

    public MessageLinks withVehicleId(String value) {
        return new MessageLinks(value, vendorId, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId);
    }

    public MessageLinks withVendorId(String value) {
        return new MessageLinks(vehicleId, value, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId);
    }

    public MessageLinks withCampaigns(String oneTime, String automated) {
        return new MessageLinks(vehicleId, vendorId, locationReviewRequestId, oneTime, automated);
    }

    public MessageLinks withLocationReviewRequestId(String value) {
        return new MessageLinks(vehicleId, vendorId, value, oneTimeCampaignId, automatedCampaignId);
    }
}
