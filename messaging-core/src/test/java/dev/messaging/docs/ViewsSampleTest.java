package dev.messaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.view.shopmonkey.Shopmonkey;
import dev.messaging.view.shopmonkey.ShopmonkeyInboxEntry;
import dev.messaging.view.shopmonkey.ShopmonkeyResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample of docs/guide/views.md: Shopmonkey's inbox answered in one call (DocSamplesTest keeps the copy in step). */
class ViewsSampleTest {

    @Test
    void theShopmonkeyInboxIsOneCall() throws Exception {
        try (Messaging messaging = Messaging.inMemory()) {
            Actor user = Actor.user("acme", "downtown", "user-1");
            messaging.messages().create(Actor.customer("acme", "downtown", "customer-42"),
                    NewMessage.to("customer-42", "Is my car ready?").build());
            ShopmonkeyResponse<List<ShopmonkeyInboxEntry>> body = Shopmonkey.inbox(messaging, user, InboxQuery.all());
            String json = new ObjectMapper().writeValueAsString(body);
            // {"success":true,"data":[{...message fields..., "customer":{...}, "messageThreadMetadata":{...}, "order":{...}}],
            //  "meta":{"hasMore":false,"total":null}}
            JsonNode tree = new ObjectMapper().readTree(json);
            assertThat(tree.get("success").asBoolean()).isTrue();
            assertThat(tree.get("data").get(0).get("text").asText()).isEqualTo("Is my car ready?");
            assertThat(tree.get("meta").get("hasMore").asBoolean()).isFalse();
        }
    }
}
