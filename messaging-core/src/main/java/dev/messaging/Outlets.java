package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.outlet.Outlet;
import java.util.Comparator;
import java.util.List;

/**
 * The location's outlets. Users set them; everyone of the tenant but customers may list them.
 * {@link #list} is in order (then by code).
 */
public final class Outlets {
    private final Engine engine;

    Outlets(Engine engine) {
        this.engine = engine;
    }

    /** The location's outlets, in their order. */
    public List<Outlet> list(Actor actor) {
        Access.requireUserOrSystem(actor, "list outlets");
        return engine.read(actor, tx -> sorted(tx.outlets()));
    }

    /** Creates or replaces the outlet with this code. */
    public Outlet set(Actor actor, Outlet outlet) {
        Access.requireUser(actor, "set outlets");
        Validator v = engine.validator();
        v.required("outlet", outlet);
        v.throwIfAny();
        v.requiredId("code", outlet.code());
        v.shortText("name", outlet.name());
        v.throwIfAny();
        return engine.write(actor, tx -> {
            tx.saveOutlet(outlet);
            Changes.record(tx, actor, engine.now(), EntityType.OUTLET, outlet.code(), 0, Operation.UPDATE, null,
                    Changes.payload("name", outlet.name(), "active", String.valueOf(outlet.active())));
            return outlet;
        });
    }

    static List<Outlet> sorted(List<Outlet> outlets) {
        return outlets.stream().sorted(Comparator.comparingInt(Outlet::order).thenComparing(Outlet::code)).toList();
    }
}
