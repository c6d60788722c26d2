package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.view.leadconnector.SendMessageBodyDto;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channels as data, on a store: a message sent on a channel besides email and SMS (WhatsApp to the
 * contact's phone, Facebook to the customer as the provider knows them) gets its own send, its own
 * delivery, its own consent and its own status; notification settings hold any channel; a staff-only
 * channel is refused on a message, naming the field, and writes nothing.
 */
public abstract class ChannelContract extends ContractSupport {

    @BeforeEach
    void customer() {
        addressed(alice, "c1");
    }

    private List<Outgoing> claim(DeliveryChannel channel) {
        return messaging.deliveries().claim(channel, 1_000, Duration.ofMinutes(5)).stream()
                .filter(o -> o.tenant().equals(alice.tenant())).toList();
    }

    @Test
    void aWhatsAppSendGoesToTheContactsPhoneOnItsOwnChannelAndMovesOnItsOwn() {
        Message m = messaging.messages().create(alice, NewMessage.to("c1", "your car is ready")
                .send(DeliveryChannel.WHATSAPP, true).build());
        assertThat(m.channel()).isEqualTo(MessageChannel.TYPE_WHATSAPP);
        assertThat(m.sends().requested()).containsExactly(DeliveryChannel.WHATSAPP);
        assertThat(m.sends().of(DeliveryChannel.WHATSAPP).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(m.sms().isRequested()).isFalse();
        assertThat(m.sms().requested()).as("the reference's sendSms stays false, not null").isFalse();
        assertThat(claim(DeliveryChannel.SMS)).isEmpty();

        List<Outgoing> handed = claim(DeliveryChannel.WHATSAPP);
        assertThat(handed).hasSize(1);
        Outgoing o = handed.get(0);
        assertThat(o.to()).isEqualTo(conversationOf("c1").contact().phone());
        assertThat(o.message().id()).isEqualTo(m.id());
        tick();
        messaging.deliveries().outcome(o, SendResult.sent("wa-1"));
        Message sent = messaging.messages().find(alice, m.id()).orElseThrow();
        assertThat(sent.sends().of(DeliveryChannel.WHATSAPP).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.sends().of(DeliveryChannel.WHATSAPP).history()).extracting(s -> s.status())
                .containsExactly(DeliveryStatus.SENT);

        tick();
        messaging.deliveries().reportFromProvider("wa-1", DeliveryStatus.DELIVERED, null);
        tick();
        Message read = messaging.messages().updateDelivery(system, m.id(),
                new DeliveryUpdate(DeliveryChannel.WHATSAPP, DeliveryStatus.READ, null));
        assertThat(read.sends().of(DeliveryChannel.WHATSAPP).history()).extracting(s -> s.status())
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(messaging.messages().find(alice, m.id()).orElseThrow()).isEqualTo(read);
    }

    @Test
    void aFacebookSendNamesTheCustomerAndASendOnSeveralChannelsHasOneDeliveryEach() {
        Message m = messaging.messages().create(alice, NewMessage.to("c1", "hello")
                .send(DeliveryChannel.FACEBOOK, true).sendEmail(true).build());
        assertThat(m.sends().requested()).containsExactly(DeliveryChannel.EMAIL, DeliveryChannel.FACEBOOK);
        assertThat(messaging.deliveries().of(alice, m.id())).extracting(Delivery::channel)
                .containsExactlyInAnyOrder(DeliveryChannel.EMAIL, DeliveryChannel.FACEBOOK);
        Outgoing fb = claim(DeliveryChannel.FACEBOOK).get(0);
        assertThat(fb.to()).as("the provider resolves its own handle of the customer").isEqualTo("c1");
        messaging.deliveries().outcome(fb, SendResult.failed("page not connected"));
        Message after = messaging.messages().find(alice, m.id()).orElseThrow();
        assertThat(after.sends().of(DeliveryChannel.FACEBOOK).status()).isEqualTo(DeliveryStatus.ERROR);
        assertThat(after.sends().of(DeliveryChannel.FACEBOOK).error()).isEqualTo("page not connected");
        assertThat(after.email().status()).as("the other channel's send is its own").isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void consentIsPerChannelANewChannelIncluded() {
        messaging.consents().set(alice, "c1", DeliveryChannel.WHATSAPP, false, "screen", "no WhatsApp");
        Message m = messaging.messages().create(alice, NewMessage.to("c1", "offer")
                .send(DeliveryChannel.WHATSAPP, true).sendSms(true).build());
        assertThat(m.sends().of(DeliveryChannel.WHATSAPP).status()).isEqualTo(DeliveryStatus.OPT_OUT);
        assertThat(m.sms().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(claim(DeliveryChannel.WHATSAPP)).isEmpty();
    }

    @Test
    void leadConnectorsSendBodyOfAnyChannelTypeAsksForASendOnIt() {
        for (String type : List.of("WhatsApp", "IG", "FB", "Live_Chat", "RCS", "GMB", "TIKTOK")) {
            SendMessageBodyDto body = new SendMessageBodyDto(type, null, "c1", null, null, null, null, null, null,
                    "hi over " + type, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
            Message m = messaging.messages().create(alice, body.toNewMessage());
            DeliveryChannel channel = m.channel().deliveryChannel().orElseThrow();
            assertThat(m.sends().requested()).as(type).containsExactly(channel);
            assertThat(messaging.deliveries().of(alice, m.id())).as(type).extracting(Delivery::channel)
                    .containsExactly(channel);
            assertThat(SendMessageBodyDto.from(body.toNewMessage()).type()).as(type).isEqualTo(type);
            tick();
        }
    }

    @Test
    void notificationSettingsHoldAnyChannelAndANewCustomerMessageNotifiesOnThoseOnly() {
        messaging.conversations().update(alice, conversationOf("c1").id(), ConversationUpdate.empty().assignedTo("alice"));
        NotificationConfig config = new NotificationConfig("alice", EnumSet.of(DeliveryChannel.IN_APP,
                DeliveryChannel.WHATSAPP));
        messaging.notificationConfig().set(alice, config);
        assertThat(messaging.notificationConfig().get(alice, "alice")).isEqualTo(config);
        assertThat(messaging.notificationConfig().get(alice, "alice").sendEmail()).isFalse();
        tick();
        Message m = customerSays("c1", "is it ready?");
        assertThat(messaging.deliveries().of(alice, m.id())).filteredOn(d -> d.purpose() == DeliveryPurpose.NOTIFICATION)
                .extracting(Delivery::channel).containsExactlyInAnyOrder(DeliveryChannel.IN_APP, DeliveryChannel.WHATSAPP);
        assertThat(NotificationConfig.defaults("bob").channels())
                .containsExactlyInAnyOrder(DeliveryChannel.EMAIL, DeliveryChannel.IN_APP, DeliveryChannel.SMS);
    }

    @Test
    void aStaffOnlyChannelOnAMessageAndASendByACustomerAreRefusedNamingTheFieldAndWriteNothing() {
        Object before = snapshot();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().create(alice,
                NewMessage.to("c1", "x").send(DeliveryChannel.IN_APP, true).build())).fields())
                .containsExactly("sends.IN_APP");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().create(customer("c1"),
                NewMessage.to("c1", "x").send(DeliveryChannel.WHATSAPP, false).build())).fields())
                .containsExactly("sends.WHATSAPP");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().create(alice,
                NewMessage.to("c1", "x").internal(true).send(DeliveryChannel.RCS, true).build())).fields())
                .containsExactly("sends.RCS");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.consents().set(alice, "c1",
                DeliveryChannel.IN_APP, false, "screen", null)).fields()).containsExactly("channel");
        assertUnchangedSince(before);
    }
}
