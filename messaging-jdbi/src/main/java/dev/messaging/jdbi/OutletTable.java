package dev.messaging.jdbi;

import dev.messaging.outlet.Outlet;
import java.util.List;

/** A tenant's outlets (the Shopmonkey locations' sub-sites): a settings table, read and written whole. */
final class OutletTable {
    private OutletTable() {
    }

    static List<Outlet> list(JdbiTransaction tx) {
        return tx.query("SELECT code, name, active, sort_order FROM outlet WHERE tenant = :tenant")
                .map((rs, ctx) -> new Outlet(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4))).list();
    }

    static void save(JdbiTransaction tx, Outlet outlet) {
        tx.update("""
                INSERT INTO outlet (tenant, code, name, active, sort_order) VALUES (:tenant, :code, :name, :active, :order)
                ON CONFLICT (tenant, code) DO UPDATE SET name = excluded.name, active = excluded.active,
                    sort_order = excluded.sort_order""")
                .bind("code", outlet.code()).bind("name", outlet.name())
                .bind("active", outlet.active()).bind("order", outlet.order()).execute();
    }
}
