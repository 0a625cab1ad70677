package dev.keel.network.codec;

import com.esotericsoftware.kryo.Serializer;

/**
 * Base of every serializer here: values are immutable records and never null on the wire.
 * Each subclass writes its fields explicitly and reads them back through the record's
 * constructor, so a decoded value has passed the same invariant checks as a locally built one.
 */
abstract class WireSerializer<T> extends Serializer<T> {
    WireSerializer() {
        super(false, true);
    }
}
