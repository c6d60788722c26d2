package dev.messaging.view.shopmonkey;

import dev.messaging.common.Deletion;
import dev.messaging.message.AppointmentEvent;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SuggestedReplyState;
import dev.messaging.view.Iso;
import java.util.List;
import java.util.Map;

/**
 * The Shopmonkey v3 Message schema as JSON: component names are the API's field names, dates are
 * ISO-8601 strings, enums their wire values. {@link #from} renders a domain message;
 * {@link #toDomain} reads one back (strictly: an unknown enum value or a bad date is a validation
 * error naming the field).
 */
public record ShopmonkeyMessage(
        String id,
        ShopmonkeyMeta meta,
        Map<String, String> metadata,
        String createdDate,
        String updatedDate,
        String locationId,
        String companyId,
        String type,
        String text,
        Boolean sendEmail,
        String emailSubject,
        String emailStatus,
        String emailError,
        Boolean sendSms,
        String smsStatus,
        String smsError,
        String authorType,
        String origin,
        Boolean isOrderShare,
        String orderShareType,
        String customerId,
        String userId,
        String orderId,
        String appointmentId,
        String vehicleId,
        String vendorId,
        Boolean shopRead,
        Boolean internal,
        Boolean detached,
        String conversationId,
        Boolean deleted,
        String deletedUserId,
        String deletedDate,
        String deletedReason,
        String locationReviewRequestId,
        String oneTimeCampaignId,
        String automatedCampaignId,
        String suggestedReply,
        String suggestedReplyState,
        Boolean requestAppointmentConfirmation,
        String appointmentEvent,
        Boolean avoidSMSQuietHours,
        Boolean imported,
        String emailId,
        String phoneNumberId,
        List<ShopmonkeyDelivery> emailDeliveries,
        List<ShopmonkeyFile> files,
        String orderNumber,
        List<ShopmonkeyDelivery> smsDeliveries,
        String userColor) {

    public static ShopmonkeyMessage from(Message m) {
        return new ShopmonkeyMessage(
                m.id(),
                ShopmonkeyMeta.from(m.meta()),
                m.metadata().isEmpty() ? null : m.metadata(),
                Iso.date(m.createdDate()),
                Iso.date(m.updatedDate()),
                m.locationId(),
                m.companyId(),
                Iso.wire(m.type()),
                m.text(),
                m.sendEmail(),
                m.emailSubject(),
                Iso.wire(m.emailStatus()),
                m.emailError(),
                m.sendSms(),
                Iso.wire(m.smsStatus()),
                m.smsError(),
                Iso.wire(m.authorType()),
                Iso.wire(m.origin()),
                m.isOrderShare(),
                Iso.wire(m.orderShareType()),
                m.customerId(),
                m.userId(),
                m.orderId(),
                m.appointmentId(),
                m.vehicleId(),
                m.vendorId(),
                m.shopRead(),
                m.internal(),
                m.detached(),
                m.conversationId(),
                m.deleted(),
                m.deletedUserId(),
                Iso.date(m.deletedDate()),
                m.deletedReason(),
                m.locationReviewRequestId(),
                m.oneTimeCampaignId(),
                m.automatedCampaignId(),
                m.suggestedReply(),
                Iso.wire(m.suggestedReplyState()),
                m.requestAppointmentConfirmation(),
                Iso.wire(m.appointmentEvent()),
                m.avoidSMSQuietHours(),
                m.imported(),
                m.emailId(),
                m.phoneNumberId(),
                ShopmonkeyDelivery.from(m.emailDeliveries()),
                ShopmonkeyFile.from(m.files()),
                m.orderNumber(),
                ShopmonkeyDelivery.from(m.smsDeliveries()),
                m.userColor());
    }

    public Message toDomain() {
        Message.Builder b = Message.builder();
        b.id(id);
        b.meta(meta == null ? null : meta.toDomain());
        b.metadata(metadata);
        b.createdDate(Iso.date("createdDate", createdDate));
        b.updatedDate(Iso.date("updatedDate", updatedDate));
        b.locationId(locationId);
        b.companyId(companyId);
        b.type(Iso.wire(MessageType.class, "type", type));
        b.text(text);
        b.sendEmail(sendEmail);
        b.emailSubject(emailSubject);
        b.emailStatus(Iso.wire(DeliveryStatus.class, "emailStatus", emailStatus));
        b.emailError(emailError);
        b.sendSms(sendSms);
        b.smsStatus(Iso.wire(DeliveryStatus.class, "smsStatus", smsStatus));
        b.smsError(smsError);
        b.authorType(Iso.wire(AuthorType.class, "authorType", authorType));
        b.origin(Iso.wire(MessageOrigin.class, "origin", origin));
        b.isOrderShare(Iso.flag(isOrderShare));
        b.orderShareType(Iso.wire(OrderShareType.class, "orderShareType", orderShareType));
        b.customerId(customerId);
        b.userId(userId);
        b.orderId(orderId);
        b.appointmentId(appointmentId);
        b.vehicleId(vehicleId);
        b.vendorId(vendorId);
        b.shopRead(shopRead);
        b.internal(internal);
        b.detached(Iso.flag(detached));
        b.conversationId(conversationId);
        b.locationReviewRequestId(locationReviewRequestId);
        b.oneTimeCampaignId(oneTimeCampaignId);
        b.automatedCampaignId(automatedCampaignId);
        b.suggestedReply(suggestedReply);
        b.suggestedReplyState(Iso.wire(SuggestedReplyState.class, "suggestedReplyState", suggestedReplyState));
        b.requestAppointmentConfirmation(Iso.flag(requestAppointmentConfirmation));
        b.appointmentEvent(Iso.wire(AppointmentEvent.class, "appointmentEvent", appointmentEvent));
        b.avoidSMSQuietHours(Iso.flag(avoidSMSQuietHours));
        b.imported(Iso.flag(imported));
        b.emailId(emailId);
        b.phoneNumberId(phoneNumberId);
        b.emailDeliveries(ShopmonkeyDelivery.toDomain("emailDeliveries", emailDeliveries));
        b.files(ShopmonkeyFile.toDomain(files));
        b.orderNumber(orderNumber);
        b.smsDeliveries(ShopmonkeyDelivery.toDomain("smsDeliveries", smsDeliveries));
        b.userColor(userColor);
        b.deletion(Iso.flag(deleted) ? new Deletion(deletedUserId, Iso.date("deletedDate", deletedDate), deletedReason)
                : null);
        return b.build();
    }
}
