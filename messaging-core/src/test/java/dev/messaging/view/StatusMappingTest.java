package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.MessageBuilder;
import dev.messaging.message.Send;
import dev.messaging.message.SendStep;
import dev.messaging.message.Sends;
import dev.messaging.view.leadconnector.LeadConnectorStatus;
import dev.messaging.view.shopmonkey.ShopmonkeyMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Delivery statuses on the wire: LeadConnector's twelve words both ways, Shopmonkey's six unchanged. */
class StatusMappingTest {
    private static final List<String> SHOPMONKEY = List.of("Pending", "Sent", "Read", "Error", "Delivered", "Unknown");

    @Test
    void leadConnectorsTwelveWordsEachMeanOneDomainStatusAndComeBackUnchanged() {
        assertThat(Arrays.stream(LeadConnectorStatus.values()).map(LeadConnectorStatus::wireValue))
                .containsExactlyInAnyOrder("pending", "scheduled", "queued", "sent", "delivered", "read",
                        "undelivered", "failed", "opened", "clicked", "opt_out", "connected");
        for (LeadConnectorStatus word : LeadConnectorStatus.values()) {
            assertThat(LeadConnectorStatus.of(word.toDomain())).as(word.wireValue()).isEqualTo(word);
            assertThat(LeadConnectorStatus.fromWire(word.wireValue())).isEqualTo(word);
        }
        assertThatThrownBy(() -> LeadConnectorStatus.fromWire("bounced")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fields()).containsExactly("status"));
    }

    @ParameterizedTest
    @EnumSource(DeliveryStatus.class)
    void everyDomainStatusHasALeadConnectorWordAndAShopmonkeyValueOfTheSix(DeliveryStatus status) {
        assertThat(LeadConnectorStatus.of(status)).isNotNull();
        Message m = MessageBuilder.builder()
                .sends(Sends.of(Map.of(DeliveryChannel.SMS, new Send(true, status, null, List.of(
                        new SendStep(status, Instant.EPOCH, null))))))
                .build();
        ShopmonkeyMessage wire = shopmonkey(m);
        assertThat(wire.smsStatus).isIn(SHOPMONKEY);
        assertThat(wire.smsDeliveries).extracting(d -> d.status()).allMatch(SHOPMONKEY::contains);
        if (status.isFinal()) {
            assertThat(wire.smsStatus).isEqualTo("Error");
        }
        if (status.isFinal() && status != DeliveryStatus.ERROR) { // an Error carries its sender's reason
            assertThat(wire.smsError).as("why it is shown as an error").isNotBlank();
        }
    }

    private static ShopmonkeyMessage shopmonkey(Message m) {
        return ShopmonkeyMessage.from(m);
    }
}
