/** A consumer of the library on the module path: it sees only what the modules export. */
module example.quickstart {
    requires dev.messaging.jdbi;
}
