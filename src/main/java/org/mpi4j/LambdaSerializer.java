package org.mpi4j;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Serializable lambdas and method references for {@link KryoSerializer}, as the JDK's own
 * serialization sends them: the {@link SerializedLambda} that the lambda's {@code writeReplace}
 * returns (capturing class, implementation method, captured arguments), turned back into a lambda
 * by the capturing class's {@code $deserializeLambda$} on the receiver, which must have that class.
 *
 * <p>Kryo's own {@code ClosureSerializer} reads private JDK fields and needs
 * {@code --add-opens java.base/java.lang.invoke}; this one uses only SerializedLambda's public
 * accessors and the program's own (open) classes.
 */
final class LambdaSerializer extends Serializer<Object> {
    private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getDeclaredMethod("writeReplace");
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                return null;
            } catch (RuntimeException e) {
                throw new KryoException("cannot serialize lambda " + type.getName() + ": " + e.getMessage(), e);
            }
        }
    };

    private static final ClassValue<Method> DESERIALIZE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                throw new KryoException(type.getName() + " declares no serializable lambda", e);
            }
        }
    };

    @Override
    public void write(Kryo kryo, Output out, Object lambda) {
        Method writeReplace = WRITE_REPLACE.get(lambda.getClass());
        if (writeReplace == null) {
            throw new KryoException("lambda " + lambda.getClass().getName() + " is not serializable: give it a"
                    + " Serializable target type (for example org.mpi4j.futures.SerializableCallable) or cast it"
                    + " to (Runnable & Serializable)");
        }
        SerializedLambda s;
        try {
            s = (SerializedLambda) writeReplace.invoke(lambda);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new KryoException("cannot serialize lambda " + lambda.getClass().getName(), e);
        }
        out.writeString(s.getCapturingClass());
        out.writeString(s.getFunctionalInterfaceClass());
        out.writeString(s.getFunctionalInterfaceMethodName());
        out.writeString(s.getFunctionalInterfaceMethodSignature());
        out.writeVarInt(s.getImplMethodKind(), true);
        out.writeString(s.getImplClass());
        out.writeString(s.getImplMethodName());
        out.writeString(s.getImplMethodSignature());
        out.writeString(s.getInstantiatedMethodType());
        out.writeVarInt(s.getCapturedArgCount(), true);
        for (int i = 0; i < s.getCapturedArgCount(); i++) {
            kryo.writeClassAndObject(out, s.getCapturedArg(i));
        }
    }

    @Override
    public Object read(Kryo kryo, Input in, Class<?> type) {
        String capturing = in.readString();
        String iface = in.readString();
        String ifaceMethod = in.readString();
        String ifaceSignature = in.readString();
        int kind = in.readVarInt(true);
        String implClass = in.readString();
        String implMethod = in.readString();
        String implSignature = in.readString();
        String instantiated = in.readString();
        Object[] captured = new Object[in.readVarInt(true)];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = kryo.readClassAndObject(in);
        }
        Class<?> capturingClass;
        try {
            capturingClass = Class.forName(capturing.replace('/', '.'), false, kryo.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new KryoException("cannot deserialize a lambda of " + capturing + ": class not found here", e);
        }
        SerializedLambda s = new SerializedLambda(capturingClass, iface, ifaceMethod, ifaceSignature, kind,
                implClass, implMethod, implSignature, instantiated, captured);
        try {
            return DESERIALIZE.get(capturingClass).invoke(null, s);
        } catch (IllegalAccessException e) {
            throw new KryoException("cannot deserialize a lambda of " + capturing, e);
        } catch (InvocationTargetException e) {
            throw new KryoException("cannot deserialize a lambda of " + capturing, e.getCause());
        }
    }
}
