/** A consumer of messaging-mail on the module path: it sees only what the modules export. */
module example.mailstart {
    requires dev.messaging.mail;
}
