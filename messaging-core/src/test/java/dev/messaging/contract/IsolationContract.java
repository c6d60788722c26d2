package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.messaging.Conversations;
import dev.messaging.Imports;
import dev.messaging.Inbox;
import dev.messaging.Messages;
import dev.messaging.Messaging;
import dev.messaging.NotificationConfigs;
import dev.messaging.Outlets;
import dev.messaging.Threads;
import dev.messaging.change.Change;
import dev.messaging.change.ChangeQuery;
import dev.messaging.common.Actor;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.ConsentCategoryUpdate;
import dev.messaging.delivery.DeliveryQuery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.delivery.Outcome;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.feed.ChangeFeed;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.EmailEngagement;
import dev.messaging.message.Message;
import dev.messaging.message.MessageExport;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outbox.Consents;
import dev.messaging.outbox.Deliveries;
import dev.messaging.outbox.DeliveryOperations;
import dev.messaging.outbox.DeliverySettings;
import dev.messaging.outlet.Outlet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation and who-may-do-what, on every store. Isolation: every public method of every
 * service of the facade — enumerated by reflection, so that a method added later must be added to
 * the table here or this test fails — called by an actor of another company and of another
 * location with this tenant's ids gives not-found (or nothing of this tenant) and changes nothing
 * here. Authorization: a table of actor kinds and calls; the forbidden ones change nothing.
 */
public abstract class IsolationContract extends ContractSupport {
    private Message message;
    private String conversationId;
    private Message scheduled;
    private Outgoing claimed;
    private ConsentCategory category;

    @BeforeEach
    void tenantData() {
        message = customerSays("c1", "private words");
        conversationId = message.conversationId();
        messaging.threads().markRead(alice, threadId(alice, conversationId));
        customerSays("c1", "more private words");
        addressed(alice, "c1");
        tick();
        messaging.messages().create(alice, NewMessage.to("c1", "sent").sendSms(true).build());
        messaging.notificationConfig().set(alice, new NotificationConfig("alice", false, false, true));
        messaging.outlets().set(alice, new Outlet("front-desk", "Front desk", true, 1));
        scheduled = messaging.messages().create(alice, NewMessage.to("c1", "later").sendSms(true)
                .sendAt(clock.instant().plus(Duration.ofDays(1))).build());
        messaging.consents().set(alice, "c1", DeliveryChannel.EMAIL, false, "screen", "asked");
        category = messaging.consents().createCategory(alice, "Marketing", null, null, null);
        messaging.consents().set(alice, "c1", DeliveryChannel.SMS, category.id(), false, "screen", "no offers");
        messaging.deliverySettings().set(alice, new LocationSettings(ZoneId.of("Europe/Paris"),
                LocalTime.of(22, 0), LocalTime.of(7, 0)));
        Outgoing ours = messaging.deliveries().claim(DeliveryChannel.SMS, Deliveries.MAX_CLAIM,
                Duration.ofMinutes(5)).stream().filter(x -> x.tenant().equals(alice.tenant())).findFirst()
                .orElseThrow();
        claimed = ours;
        messaging.deliveries().outcome(ours, SendResult.sent("prov-" + company));
    }

    /** One call of one service method by an outsider, and what it must do. */
    private interface OutsiderCall {
        void check(Actor outsider);
    }

    private void notFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class);
    }

    private Map<String, OutsiderCall> table() {
        Map<String, OutsiderCall> t = new LinkedHashMap<>();
        // conversations
        t.put("Conversations.create/2", o -> assertThat(messaging.conversations()
                .create(o, NewConversation.forCustomer("c1")).id()).isNotEqualTo(conversationId));
        t.put("Conversations.getOrCreate/2", o -> assertThat(messaging.conversations()
                .getOrCreate(o, NewConversation.forCustomer("c1")).id()).isNotEqualTo(conversationId));
        t.put("Conversations.find/2", o -> assertThat(messaging.conversations().find(o, conversationId)).isEmpty());
        t.put("Conversations.search/2", o -> assertThat(messaging.conversations().search(o,
                ConversationQuery.all().includeDeleted().query("private")).items()).isEmpty());
        t.put("Conversations.update/3", o -> notFound(() -> messaging.conversations().update(o, conversationId,
                ConversationUpdate.empty().subject("x"))));
        t.put("Conversations.delete/3", o -> notFound(() -> messaging.conversations().delete(o, conversationId, "x")));
        t.put("Conversations.restore/2", o -> notFound(() -> messaging.conversations().restore(o, conversationId)));
        t.put("Conversations.start/3", o -> assertThat(messaging.conversations().start(o,
                NewConversation.forCustomer("c1"), NewMessage.to("c1", "hi").build()).conversation().id())
                .isNotEqualTo(conversationId));
        t.put("Conversations.erase/2", o -> messaging.conversations().erase(o, "c1")); // theirs only: see the end
        // messages
        t.put("Messages.create/2", o -> assertThatThrownBy(() -> messaging.messages().create(o,
                NewMessage.builder().conversationId(conversationId).text("x").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("conversationId")));
        t.put("Messages.find/2", o -> assertThat(messaging.messages().find(o, message.id())).isEmpty());
        t.put("Messages.list/3", o -> notFound(() -> messaging.messages().list(o, conversationId, MessageQuery.first())));
        t.put("Messages.export/2", o -> assertThat(messaging.messages().export(o, MessageExport.all()).items()).isEmpty());
        t.put("Messages.updateDelivery/3", o -> notFound(() -> messaging.messages().updateDelivery(systemOf(o), message.id(),
                DeliveryUpdate.sms(DeliveryStatus.SENT))));
        t.put("Messages.recordEmailEngagement/3", o -> notFound(() -> messaging.messages().recordEmailEngagement(
                systemOf(o), message.id(), EmailEngagement.NONE)));
        t.put("Messages.delete/3", o -> notFound(() -> messaging.messages().delete(o, message.id(), null)));
        t.put("Messages.restore/2", o -> notFound(() -> messaging.messages().restore(o, message.id())));
        // threads: the outsider's own thread id over this tenant's conversation id
        t.put("Threads.threadId/2", o -> assertThat(messaging.threads().threadId(o, conversationId)).isNotBlank());
        t.put("Threads.find/2", o -> notFound(() -> messaging.threads().find(o, threadId(o, conversationId))));
        t.put("Threads.markRead/2", o -> notFound(() -> messaging.threads().markRead(o, threadId(o, conversationId))));
        t.put("Threads.markUnread/2", o -> notFound(() -> messaging.threads()
                .markUnread(o, threadId(o, conversationId))));
        t.put("Threads.setUnreadCount/3", o -> notFound(() -> messaging.threads()
                .setUnreadCount(o, threadId(o, conversationId), 1)));
        t.put("Threads.setImportant/3", o -> notFound(() -> messaging.threads()
                .setImportant(o, threadId(o, conversationId), true)));
        t.put("Threads.setArchived/3", o -> notFound(() -> messaging.threads()
                .setArchived(o, threadId(o, conversationId), true)));
        t.put("Threads.forConversation/2", o -> notFound(() -> messaging.threads().forConversation(o, conversationId)));
        t.put("Threads.markAllRead/1", o -> messaging.threads().markAllRead(o));
        t.put("Threads.unreadTotal/1", o -> assertThat(messaging.threads().unreadTotal(o)).isZero());
        // inbox, notification settings, change feed
        t.put("Inbox.list/2", o -> assertThat(messaging.inbox().list(o, InboxQuery.all().view(InboxView.ALL)).items())
                .isEmpty());
        t.put("NotificationConfigs.get/2", o -> assertThat(messaging.notificationConfig().get(o, "alice"))
                .isEqualTo(NotificationConfig.defaults("alice")));
        t.put("NotificationConfigs.set/2", o -> messaging.notificationConfig()
                .set(o, new NotificationConfig("alice", true, false, false)));
        t.put("ChangeFeed.since/3", o -> assertThat(messaging.changes().since(o, 0, 100))
                .noneMatch(c -> c.entityId().equals(message.id()) || c.entityId().equals(conversationId)));
        t.put("ChangeFeed.list/2", o -> assertThat(messaging.changes().list(o, ChangeQuery.first().limit(100)).items())
                .noneMatch(c -> c.entityId().equals(message.id()) || c.entityId().equals(conversationId)));
        t.put("ChangeFeed.stream/2", o -> assertThat(messaging.changes().stream(o, 0))
                .noneMatch(c -> c.entityId().equals(message.id()) || c.entityId().equals(conversationId)));
        t.put("ChangeFeed.prune/2", o -> messaging.changes().prune(o, Instant.parse("2100-01-01T00:00:00Z")));
        t.put("Imports.history/2", o -> assertThatThrownBy(() -> messaging.imports().history(o, List.of()))
                .isInstanceOf(ForbiddenException.class));
        // deliveries: claims are the service's own work across tenants (no actor); the rest is tenant-scoped
        t.put("Deliveries.claim/3", o -> assertThat(messaging.deliveries().claim(DeliveryChannel.EMAIL, 10,
                Duration.ofSeconds(1))).noneMatch(x -> x.tenant().equals(o.tenant())));
        t.put("Deliveries.outcome/2", o -> notFound(() -> messaging.deliveries().outcome(new Outgoing(claimed.key(),
                claimed.channel(), claimed.purpose(), o.tenant(), null, null, claimed.message(), 1, claimed.claimer()),
                SendResult.failed("x"))));
        t.put("Deliveries.outcomes/1", o -> notFound(() -> messaging.deliveries().outcomes(List.of(
                new Outcome(new Outgoing(claimed.key(), claimed.channel(), claimed.purpose(),
                        o.tenant(), null, null, claimed.message(), 1, claimed.claimer()), SendResult.failed("x"))))));
        t.put("Deliveries.report/4", o -> notFound(() -> messaging.deliveries().report(systemOf(o), "prov-" + company,
                DeliveryStatus.DELIVERED, null)));
        // a webhook's report names no tenant: it reaches only the one tenant whose delivery has the id
        t.put("Deliveries.reportFromProvider/3", o -> assertThat(messaging.deliveries().reportFromProvider(
                "prov-of-" + o.tenant().companyId(), DeliveryStatus.DELIVERED, null)).isEmpty());
        t.put("Deliveries.cancel/2", o -> notFound(() -> messaging.deliveries().cancel(o, scheduled.id())));
        t.put("Deliveries.of/2", o -> notFound(() -> messaging.deliveries().of(o, scheduled.id())));
        t.put("Deliveries.findByProviderId/2", o -> {
            assertThat(messaging.deliveries().findByProviderId(alice, "prov-" + company)).as("ours is found").isPresent();
            assertThat(messaging.deliveries().findByProviderId(o, "prov-" + company)).isEmpty();
        });
        t.put("Deliveries.worker/0", o -> assertThat(messaging.deliveries().worker()).isNotNull());
        // statistics are the service's own view across tenants (no actor), counts only: nothing of a tenant
        t.put("Deliveries.statistics/0", o -> assertThat(messaging.deliveries().statistics()).isNotNull());
        t.put("Deliveries.operations/0", o -> assertThat(messaging.deliveries().operations()).isNotNull());
        t.put("DeliveryOperations.list/2", o -> assertThat(messaging.deliveries().operations().list(o,
                DeliveryQuery.all()).items()).noneMatch(d -> d.companyId().equals(company)));
        t.put("DeliveryOperations.requeue/2", o -> notFound(() -> messaging.deliveries().operations()
                .requeue(o, claimed.key())));
        t.put("DeliveryOperations.cancel/2", o -> notFound(() -> messaging.deliveries().operations()
                .cancel(o, claimed.key())));
        t.put("DeliveryOperations.purge/2", o -> messaging.deliveries().operations().purge(o, Duration.ofDays(1)));
        t.put("Messages.editScheduled/3", o -> notFound(() -> messaging.messages().editScheduled(o, scheduled.id(),
                "theirs")));
        t.put("Threads.setMuted/3", o -> notFound(() -> messaging.threads()
                .setMuted(o, threadId(o, conversationId), true)));
        t.put("Consents.of/2", o -> assertThat(messaging.consents().of(o, "c1")).allMatch(Consent::subscribed));
        t.put("Consents.set/6", o -> messaging.consents().set(o, "c1", DeliveryChannel.EMAIL, true, "theirs", null));
        t.put("Consents.set/7", o -> notFound(() -> messaging.consents().set(o, "c1", DeliveryChannel.SMS,
                category.id(), true, "theirs", null)));
        t.put("Consents.categories/1", o -> assertThat(messaging.consents().categories(o)).isEmpty());
        t.put("Consents.createCategory/5", o -> messaging.consents().createCategory(o, "Marketing", null, null, null));
        t.put("Consents.updateCategory/3", o -> notFound(() -> messaging.consents().updateCategory(o, category.id(),
                ConsentCategoryUpdate.archived(true))));
        t.put("DeliverySettings.get/1", o -> assertThat(messaging.deliverySettings().get(o))
                .isEqualTo(LocationSettings.defaults()));
        t.put("DeliverySettings.set/2", o -> messaging.deliverySettings().set(o, LocationSettings.defaults()));
        t.put("DeliverySettings.set/4", o -> messaging.deliverySettings().set(o, "UTC", "21:00", "08:00"));
        t.put("ChangeFeed.await/4", o -> assertThat(messaging.changes().await(o, 0, 100, Duration.ZERO))
                .noneMatch(c -> c.entityId().equals(message.id()) || c.entityId().equals(conversationId)));
        t.put("ChangeFeed.subscribe/3", o -> {
            List<Change> seen = new CopyOnWriteArrayList<>();
            try (var subscription = messaging.changes().subscribe(o, 0, seen::add)) {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(seen).noneMatch(c -> c.entityId().equals(message.id()) || c.entityId().equals(conversationId));
        });
        t.put("Outlets.list/1", o -> assertThat(messaging.outlets().list(o)).noneMatch(x -> x.code().equals("front-desk")));
        t.put("Outlets.set/2", o -> messaging.outlets().set(o, new Outlet("front-desk", "Theirs", false, 9)));
        return t;
    }

    private static List<String> publicMethods() {
        List<String> names = new ArrayList<>();
        for (Class<?> service : List.of(Conversations.class, Messages.class, Threads.class, Inbox.class,
                NotificationConfigs.class, ChangeFeed.class, Outlets.class, Imports.class, Deliveries.class,
                DeliveryOperations.class, Consents.class, DeliverySettings.class)) {
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic()) {
                    names.add(service.getSimpleName() + "." + method.getName() + "/" + method.getParameterCount());
                }
            }
        }
        return names;
    }

    @Test
    void everyPublicMethodOfTheFacadeIsCoveredByTheIsolationTable() {
        assertThat(new TreeSet<>(table().keySet()))
                .as("every public service method must have a row in the isolation table")
                .isEqualTo(new TreeSet<>(publicMethods()));
        for (Method method : Messaging.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                assertThat(method.getName()).as("a facade method that is not a service getter")
                        .isIn("conversations", "messages", "threads", "inbox", "notificationConfig", "changes",
                                "outlets", "imports", "deliveries", "consents", "deliverySettings", "verify",
                                "close");
            }
        }
    }

    @Test
    void anotherCompanyOrLocationGetsNotFoundOrNothingAndChangesNothingHere() {
        Object before = snapshot();
        var ourConfig = messaging.notificationConfig().get(alice, "alice");
        for (Actor outsider : List.of(Actor.user("other-" + company, location, "alice"),
                Actor.user(company, "other-location", "alice"))) {
            for (Map.Entry<String, OutsiderCall> row : table().entrySet()) {
                try {
                    row.getValue().check(outsider);
                } catch (AssertionError e) {
                    fail(row.getKey() + " by " + outsider.tenant() + ": " + e.getMessage(), e);
                }
            }
        }
        assertUnchangedSince(before);
        assertThat(messaging.notificationConfig().get(alice, "alice")).isEqualTo(ourConfig);
        assertThat(messaging.outlets().list(alice)).containsExactly(new Outlet("front-desk", "Front desk", true, 1));
        assertThat(messaging.consents().of(alice, "c1")).filteredOn(c -> c.channel() == DeliveryChannel.EMAIL)
                .singleElement().satisfies(c -> assertThat(c.subscribed()).isFalse());
        assertThat(messaging.deliverySettings().get(alice).timeZone().getId()).isEqualTo("Europe/Paris");
        assertThat(messaging.deliveries().of(alice, claimed.message().id()))
                .anySatisfy(d -> assertThat(d.providerMessageId()).isEqualTo("prov-" + company));
        assertThat(messaging.verify(alice.tenant()).ok()).isTrue();
    }

    /** The system of {@code actor}'s tenant: the only one who reports a provider's status. */
    private static Actor systemOf(Actor actor) {
        return Actor.system(actor.tenant().companyId(), actor.tenant().locationId());
    }

    // --- who may do what -----------------------------------------------------------------------

    /** Who calls. */
    enum Who {
        OWNER_USER, OTHER_USER, OWNER_CUSTOMER, OTHER_CUSTOMER, SYSTEM
    }

    private Actor actor(Who who) {
        return switch (who) {
            case OWNER_USER -> alice;
            case OTHER_USER -> bob;
            case OWNER_CUSTOMER -> customer("c1");
            case OTHER_CUSTOMER -> customer("c2");
            case SYSTEM -> system;
        };
    }

    /** One call on alice's thread / c1's conversation, and who may make it. */
    private record Call(String name, Set<Who> allowed, Consumer<Actor> run) {
    }

    private List<Call> calls() {
        Set<Who> users = EnumSet.of(Who.OWNER_USER, Who.OTHER_USER);
        Set<Who> owner = EnumSet.of(Who.OWNER_USER);
        Set<Who> usersAndSystem = EnumSet.of(Who.OWNER_USER, Who.OTHER_USER, Who.SYSTEM);
        Set<Who> readers = EnumSet.of(Who.OWNER_USER, Who.OTHER_USER, Who.SYSTEM,
                Who.OWNER_CUSTOMER);
        Set<Who> writers = EnumSet.of(Who.OWNER_USER, Who.OTHER_USER, Who.SYSTEM,
                Who.OWNER_CUSTOMER);
        String thread = threadId(alice, conversationId);
        return List.of(
                new Call("markRead alice's thread", owner, a -> messaging.threads().markRead(a, thread)),
                new Call("markUnread alice's thread", owner, a -> messaging.threads().markUnread(a, thread)),
                new Call("star alice's thread", owner, a -> messaging.threads().setImportant(a, thread, true)),
                new Call("archive alice's thread", owner, a -> messaging.threads().setArchived(a, thread, true)),
                new Call("find alice's thread", owner, a -> messaging.threads().find(a, thread)),
                new Call("markAllRead", users, a -> messaging.threads().markAllRead(a)),
                new Call("unreadTotal", users, a -> messaging.threads().unreadTotal(a)),
                new Call("inbox", users, a -> messaging.inbox().list(a, InboxQuery.all())),
                new Call("write into c1's conversation", writers, a -> messaging.messages().create(a,
                        NewMessage.builder().conversationId(conversationId).text("hello").build())),
                new Call("find c1's message", readers, a -> messaging.messages().find(a, message.id())),
                new Call("list c1's messages", readers, a -> messaging.messages().list(a, conversationId,
                        MessageQuery.first())),
                new Call("export the location's messages", usersAndSystem, a -> messaging.messages().export(a,
                        MessageExport.all())),
                new Call("find c1's conversation", readers, a -> messaging.conversations().find(a, conversationId)),
                new Call("delete a message", users, a -> messaging.messages().delete(a, message.id(), null)),
                new Call("restore a message", users, a -> messaging.messages().restore(a, message.id())),
                new Call("update delivery", EnumSet.of(Who.SYSTEM), a -> messaging.messages().updateDelivery(a,
                        latestSentId(), DeliveryUpdate.sms(DeliveryStatus.SENT))),
                new Call("create a conversation", users, a -> messaging.conversations()
                        .getOrCreate(a, NewConversation.forCustomer("c9"))),
                new Call("update a conversation", users, a -> messaging.conversations().update(a, conversationId,
                        ConversationUpdate.empty().subject("s"))),
                new Call("search conversations", users, a -> messaging.conversations().search(a,
                        ConversationQuery.all())),
                new Call("erase a customer", users, a -> messaging.conversations().erase(a, "c-nobody")),
                new Call("set alice's notification settings", owner, a -> messaging.notificationConfig()
                        .set(a, new NotificationConfig("alice", false, false, true))),
                new Call("read notification settings", usersAndSystem, a -> messaging.notificationConfig()
                        .get(a, "alice")),
                new Call("read the change feed", usersAndSystem, a -> messaging.changes().since(a, 0, 10)));
    }

    private String latestSentId() {
        return messaging.messages().list(alice, conversationId, MessageQuery.first()).items().stream()
                .filter(m -> m.sms().isRequested()).findFirst().orElseThrow().id();
    }

    @Test
    void forbiddenCallsThrowAndChangeNothingAndAllowedOnesAreNotForbidden() {
        for (Call call : calls()) {
            for (Who who : Who.values()) {
                Actor actor = actor(who);
                if (call.allowed().contains(who)) {
                    try {
                        call.run().accept(actor);
                    } catch (ForbiddenException e) {
                        fail(call.name() + " by " + who + " should be allowed", e);
                    }
                } else {
                    Object before = snapshot();
                    assertThatThrownBy(() -> call.run().accept(actor)).as(call.name() + " by " + who)
                            .isInstanceOf(ForbiddenException.class);
                    assertUnchangedSince(before);
                }
            }
        }
    }
}
