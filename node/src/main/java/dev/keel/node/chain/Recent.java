package dev.keel.node.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small thread-safe map that forgets its oldest entries beyond {@code capacity}: bounded memory for "recently seen" facts. */
final class Recent<K, V> {
    private final Map<K, V> map;

    Recent(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(K key, V value) {
        map.put(key, value);
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized int size() {
        return map.size();
    }
}
