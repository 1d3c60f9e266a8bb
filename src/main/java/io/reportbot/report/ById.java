package io.reportbot.report;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list that also finds its elements by id (the first one with an id, as a search from the start
 * would): the report's topics and facts, looked up by id several times per answer.
 */
final class ById<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> items;
    private final Map<String, T> byId;

    private ById(List<T> items, Function<T, String> id) {
        this.items = items;
        Map<String, T> m = new HashMap<>();
        for (T t : items) {
            String key = id.apply(t);
            if (key != null) {
                m.putIfAbsent(key, t);
            }
        }
        this.byId = m;
    }

    /** An immutable copy of the items (null: none), indexed by the given id. */
    static <T> ById<T> of(List<T> items, Function<T, String> id) {
        if (items instanceof ById<T> b) {
            return b;
        }
        return new ById<>(items == null ? List.of() : List.copyOf(items), id);
    }

    /** The first element with the id, or null. */
    T find(String id) {
        return id == null ? null : byId.get(id);
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
