package dev.messaging.view.shopmonkey;

import dev.messaging.common.Deletion;
import dev.messaging.message.AppointmentEvent;
import dev.messaging.message.AppointmentRef;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.Send;
import dev.messaging.message.Sends;
import dev.messaging.message.SmsOptions;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.SuggestedReplyState;
import dev.messaging.view.Iso;
import dev.messaging.view.WireObject;
import java.util.List;
import java.util.Map;

/**
 * The Shopmonkey v3 Message schema as JSON: field names are the API's, dates ISO-8601 strings,
 * enums their wire values. {@link #from} renders a domain message; {@link #toDomain} reads one
 * back (strictly: an unknown enum value or a bad date is a validation error naming the field).
 * A class with public fields, so that the inbox row ({@link ShopmonkeyInboxEntry}) extends it.
 * {@code emailDeliveries} and {@code smsDeliveries} (optional in the reference) are null while a send
 * has no history; {@code files} (required) is a list, empty when there are none.
 */
public class ShopmonkeyMessage extends WireObject {
    public String id;
    public ShopmonkeyMeta meta;
    public Map<String, Object> metadata;
    public String createdDate;
    public String updatedDate;
    public String locationId;
    public String companyId;
    public String type;
    public String text;
    public Boolean sendEmail;
    public String emailSubject;
    public String emailStatus;
    public String emailError;
    public Boolean sendSms;
    public String smsStatus;
    public String smsError;
    public String authorType;
    public String origin;
    public Boolean isOrderShare;
    public String orderShareType;
    public String customerId;
    public String userId;
    public String orderId;
    public String appointmentId;
    public String vehicleId;
    public String vendorId;
    public Boolean shopRead;
    public Boolean internal;
    public Boolean detached;
    public String conversationId;
    public Boolean deleted;
    public String deletedUserId;
    public String deletedDate;
    public String deletedReason;
    public String locationReviewRequestId;
    public String oneTimeCampaignId;
    public String automatedCampaignId;
    public String suggestedReply;
    public String suggestedReplyState;
    public Boolean requestAppointmentConfirmation;
    public String appointmentEvent;
    public Boolean avoidSMSQuietHours;
    public Boolean imported;
    public String emailId;
    public String phoneNumberId;
    public List<ShopmonkeyDelivery> emailDeliveries;
    public List<ShopmonkeyFile> files;
    public String orderNumber;
    public List<ShopmonkeyDelivery> smsDeliveries;
    public String userColor;

    /** An empty message, for a JSON library to fill. */
    public ShopmonkeyMessage() {
    }

    /** {@code m} flattened into Shopmonkey's message fields. */
    public static ShopmonkeyMessage from(Message m) {
        ShopmonkeyMessage view = new ShopmonkeyMessage();
        view.fill(m);
        return view;
    }

    /** Sets this view's message fields from {@code m}. */
    protected final void fill(Message m) {
        id = m.id();
        meta = ShopmonkeyMeta.from(m.meta());
        metadata = m.metadata().isEmpty() ? null : m.metadata();
        createdDate = Iso.date(m.createdDate());
        updatedDate = Iso.date(m.updatedDate());
        locationId = m.locationId();
        companyId = m.companyId();
        type = Iso.wire(m.type());
        text = m.text();
        sendEmail = m.email().requested();
        emailSubject = m.emailOptions().subject();
        emailStatus = ShopmonkeyStatus.of(m.email().status());
        emailError = ShopmonkeyStatus.error(m.email());
        sendSms = m.sms().requested();
        smsStatus = ShopmonkeyStatus.of(m.sms().status());
        smsError = ShopmonkeyStatus.error(m.sms());
        authorType = Iso.wire(m.authorType());
        origin = Iso.wire(m.origin());
        isOrderShare = m.order().isShare();
        orderShareType = Iso.wire(m.order().shareType());
        customerId = m.customerId();
        userId = m.userId();
        orderId = m.order().orderId();
        appointmentId = m.appointment().appointmentId();
        vehicleId = m.links().vehicleId();
        vendorId = m.links().vendorId();
        shopRead = m.shopRead();
        internal = m.internal();
        detached = m.detached();
        conversationId = m.conversationId();
        deleted = m.deleted();
        deletedUserId = m.deletedUserId();
        deletedDate = Iso.date(m.deletedDate());
        deletedReason = m.deletedReason();
        locationReviewRequestId = m.links().locationReviewRequestId();
        oneTimeCampaignId = m.links().oneTimeCampaignId();
        automatedCampaignId = m.links().automatedCampaignId();
        suggestedReply = m.suggestedReply().text();
        suggestedReplyState = Iso.wire(m.suggestedReply().state());
        requestAppointmentConfirmation = m.appointment().requestConfirmation();
        appointmentEvent = Iso.wire(m.appointment().event());
        avoidSMSQuietHours = m.smsOptions().avoidQuietHours();
        imported = m.imported();
        emailId = m.emailOptions().emailId();
        phoneNumberId = m.smsOptions().phoneNumberId();
        emailDeliveries = Iso.orNull(ShopmonkeyDelivery.from(m.email().history()));
        files = ShopmonkeyFile.from(m.files());
        orderNumber = m.order().orderNumber();
        smsDeliveries = Iso.orNull(ShopmonkeyDelivery.from(m.sms().history()));
        userColor = m.userColor();
    }

    /** The domain message these fields describe. */
    public Message toDomain() {
        return Message.builder()
                .id(id)
                .meta(meta == null ? null : meta.toDomain())
                .metadata(metadata)
                .createdDate(Iso.date("createdDate", createdDate))
                .updatedDate(Iso.date("updatedDate", updatedDate))
                .locationId(locationId)
                .companyId(companyId)
                .type(Iso.wire(MessageType.class, "type", type))
                .text(text)
                .sends(Sends.of(Map.of(
                        DeliveryChannel.EMAIL,
                        send(sendEmail, "emailStatus", emailStatus, emailError, "emailDeliveries", emailDeliveries),
                        DeliveryChannel.SMS,
                        send(sendSms, "smsStatus", smsStatus, smsError, "smsDeliveries", smsDeliveries))))
                .emailOptions(new EmailOptions(emailSubject, emailId, null))
                .smsOptions(new SmsOptions(phoneNumberId, Iso.flag(avoidSMSQuietHours)))
                .authorType(Iso.wire(AuthorType.class, "authorType", authorType))
                .origin(Iso.wire(MessageOrigin.class, "origin", origin))
                .order(new OrderRef(orderId, orderNumber, Iso.flag(isOrderShare),
                        Iso.wire(OrderShareType.class, "orderShareType", orderShareType)))
                .appointment(new AppointmentRef(appointmentId, Iso.flag(requestAppointmentConfirmation),
                        Iso.wire(AppointmentEvent.class, "appointmentEvent", appointmentEvent)))
                .links(new MessageLinks(vehicleId, vendorId, locationReviewRequestId, oneTimeCampaignId,
                        automatedCampaignId))
                .customerId(customerId)
                .userId(userId)
                .shopRead(shopRead)
                .internal(internal)
                .detached(Iso.flag(detached))
                .conversationId(conversationId)
                .suggestedReply(new SuggestedReply(suggestedReply,
                        Iso.wire(SuggestedReplyState.class, "suggestedReplyState", suggestedReplyState)))
                .imported(Iso.flag(imported))
                .files(ShopmonkeyFile.toDomain(files))
                .userColor(userColor)
                .deletion(Iso.flag(deleted)
                        ? new Deletion(deletedUserId, Iso.date("deletedDate", deletedDate), deletedReason) : null)
                .build();
    }

    private static Send send(Boolean requested, String statusField, String status, String error, String historyField,
            List<ShopmonkeyDelivery> history) {
        return new Send(requested, Iso.wire(DeliveryStatus.class, statusField, status), error,
                ShopmonkeyDelivery.toDomain(historyField, history));
    }
}
