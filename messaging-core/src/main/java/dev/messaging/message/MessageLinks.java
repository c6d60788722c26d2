package dev.messaging.message;

/**
 * Ids of the service's own records a message relates to: the vehicle, the vendor, the review
 * request, the campaign that sent it (a one-time or an automated one; a message with either is
 * Marketing) and the template it was written from (LeadConnector {@code templateId}).
 */
public record MessageLinks(String vehicleId, String vendorId, String locationReviewRequestId,
        String oneTimeCampaignId, String automatedCampaignId, String templateId) {
    public static final MessageLinks NONE = new MessageLinks(null, null, null, null, null, null);

    /** Links without a template (the fields before it was added). */
    public MessageLinks(String vehicleId, String vendorId, String locationReviewRequestId, String oneTimeCampaignId,
            String automatedCampaignId) {
        this(vehicleId, vendorId, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId, null);
    }

    /** Whether a campaign sent the message. */
    public boolean fromCampaign() {
        return oneTimeCampaignId != null || automatedCampaignId != null;
    }

    /** These links with the vehicle's id. */
    public MessageLinks withVehicleId(String value) {
        return new MessageLinks(value, vendorId, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId,
                templateId);
    }

    /** These links with the vendor's id. */
    public MessageLinks withVendorId(String value) {
        return new MessageLinks(vehicleId, value, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId,
                templateId);
    }

    /** These links with the campaigns that sent the message (either makes it Marketing). */
    public MessageLinks withCampaigns(String oneTime, String automated) {
        return new MessageLinks(vehicleId, vendorId, locationReviewRequestId, oneTime, automated, templateId);
    }

    /** These links with the location's review request. */
    public MessageLinks withLocationReviewRequestId(String value) {
        return new MessageLinks(vehicleId, vendorId, value, oneTimeCampaignId, automatedCampaignId, templateId);
    }

    /** These links with the template the message was written from. */
    public MessageLinks withTemplateId(String value) {
        return new MessageLinks(vehicleId, vendorId, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId,
                value);
    }
}
