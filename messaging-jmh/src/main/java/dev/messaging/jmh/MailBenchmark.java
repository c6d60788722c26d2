package dev.messaging.jmh;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.messaging.common.Tenant;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.mail.MailIdentity;
import dev.messaging.mail.MailSender;
import dev.messaging.mail.Mailbox;
import dev.messaging.mail.SmtpSettings;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Emails rendered and handed to a local SMTP server (GreenMail, in this JVM) by
 * {@link MailSender}: each measured call sends {@code emails} prepared deliveries (text and HTML,
 * a subject, one Cc) from {@code threads} threads over as many pooled connections, and returns when
 * the server has accepted every one. The score is the time for {@code emails}: emails per second
 * = emails / score. The server shares the machine's two cores with the sender.
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar MailBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class MailBenchmark {
    @Param({"500"})
    public int emails;

    @Param({"1", "4"})
    public int threads;

    private GreenMail server;
    private MailSender sender;
    private ExecutorService pool;
    private final List<Outgoing> outgoing = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        sender = MailSender.builder(SmtpSettings.of("127.0.0.1", server.getSmtp().getPort())
                .security(SmtpSettings.Security.NONE).connections(threads),
                new MailIdentity(new Mailbox("desk@shop.example", "Main St Garage"), null)).build();
        pool = Executors.newFixedThreadPool(threads);
        Tenant tenant = new Tenant("co", "loc");
        EmailDetails details = new EmailDetails(null, null, null, null, null, null, null,
                List.of("office@customer.example"), null, null, null, null,
                "<p>Your car is <b>ready</b> for pick-up.</p>", null);
        for (int i = 0; i < emails; i++) {
            Message m = Message.builder().id("m-" + i).companyId("co").locationId("loc").conversationId("conv-" + i)
                    .customerId("cust-" + i).authorType(AuthorType.USER).text("Your car is ready for pick-up.")
                    .createdDate(Instant.EPOCH).emailOptions(new EmailOptions("Ready " + i, null, details)).build();
            outgoing.add(new Outgoing("key-" + i, DeliveryChannel.EMAIL, DeliveryPurpose.MESSAGE, tenant,
                    "cust-" + i + "@customer.example", null, m, 1, "bench"));
        }
    }

    /** Empties the server's mailboxes, so each iteration's sends land on the same state. */
    @Setup(Level.Iteration)
    public void purge() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        sender.close();
        server.stop();
    }

    @Benchmark
    public int send() throws Exception {
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                int sent = 0;
                for (int i = first; i < outgoing.size(); i += threads) {
                    if (sender.send(outgoing.get(i)).kind() == SendResult.Kind.SENT) {
                        sent++;
                    }
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> part : parts) {
            sent += part.get();
        }
        if (sent != emails) {
            throw new IllegalStateException("sent " + sent + " of " + emails);
        }
        return sent;
    }
}
