package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.common.Deletion;
import dev.messaging.generated.Cases;
import dev.messaging.message.Message;
import dev.messaging.spi.MessageRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerMessages} answers as a sorted map of the same rows would, whatever the order of
 * arrivals, deletions, restores, undone inserts and erasures: the first live message after a read
 * point, the newest live one, the number at a feed sequence and the deleted ones after a number.
 */
class CustomerMessagesProperties {

    @Test
    void answersAsASortedMapWould() {
        Cases.run(300, gen -> answersAsASortedMapWould(gen.list(0, 60, () -> gen.between(0, 999))));
    }

    private static void answersAsASortedMapWould(List<Integer> operations) {
        CustomerMessages messages = new CustomerMessages();
        TreeMap<Integer, MessageRow> model = new TreeMap<>();
        int highest = 0;
        long seq = 100;
        for (int op : operations) {
            int kind = Math.floorMod(op, 10);
            int pick = Math.floorDiv(op, 10);
            if (kind < 5 || model.isEmpty()) {
                // arrival: the next number, at a later feed sequence (a deleted one now and then, as imports bring)
                seq += 1 + Math.floorMod(pick, 3);
                int number = ++highest;
                MessageRow row = row(number, seq, kind == 0);
                messages.put(row);
                model.put(number, row);
            } else if (kind < 8) {
                // deleted or restored: the same number, the same creation sequence
                int number = nth(model, pick);
                MessageRow old = model.get(number);
                MessageRow row = row(number, old.feedSeq(), !old.message().deleted());
                messages.put(row);
                model.put(number, row);
            } else if (kind < 9) {
                // the newest insert undone
                int number = model.lastKey();
                messages.remove(number);
                model.remove(number);
                highest = model.isEmpty() ? 0 : Math.max(model.lastKey(), highest - 1);
            } else {
                // erased, one row at a time in any order (holes until the erasure ends)
                int number = nth(model, pick);
                messages.remove(number);
                model.remove(number);
            }
            check(messages, model, seq);
        }
    }

    private static void check(CustomerMessages messages, TreeMap<Integer, MessageRow> model, long maxSeq) {
        int top = model.isEmpty() ? 0 : model.lastKey();
        for (int readPoint = 0; readPoint <= top + 1; readPoint++) {
            MessageRow expected = model.tailMap(readPoint, false).values().stream()
                    .filter(r -> !r.message().deleted()).findFirst().orElse(null);
            assertThat(messages.firstLiveAfter(readPoint, new long[1])).as("first live after %d", readPoint)
                    .isEqualTo(expected);
            int number = readPoint;
            long deleted = model.tailMap(number, false).values().stream().filter(r -> r.message().deleted()).count();
            assertThat(messages.deletedAfter(number)).as("deleted after %d", number).isEqualTo((int) deleted);
        }
        MessageRow newest = model.descendingMap().values().stream().filter(r -> !r.message().deleted()).findFirst()
                .orElse(null);
        assertThat(messages.newestLive(new long[1])).as("newest live").isEqualTo(newest);
        for (long seq = 99; seq <= maxSeq + 1; seq++) {
            long at = seq;
            int expected = model.entrySet().stream().filter(e -> e.getValue().feedSeq() <= at)
                    .mapToInt(Map.Entry::getKey).max().orElse(0);
            assertThat(messages.numberAt(seq)).as("number at %d", seq).isEqualTo(expected);
        }
        assertThat(messages.isEmpty()).isEqualTo(model.isEmpty());
    }

    private static int nth(TreeMap<Integer, MessageRow> model, int pick) {
        return model.keySet().stream().skip(Math.floorMod(pick, model.size())).findFirst().orElseThrow();
    }

    private static MessageRow row(int number, long seq, boolean deleted) {
        Message m = Message.builder().id("m" + number).conversationId("c").customerId("cust").text("t" + number)
                .createdDate(Instant.EPOCH.plusSeconds(number))
                .deletion(deleted ? new Deletion("u", Instant.EPOCH, "test") : null).build();
        return new MessageRow(m, number, seq);
    }
}
