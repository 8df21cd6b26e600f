package io.github.gocbench.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit 5 side of {@link RaceTest}: resolves the {@link RaceKey} parameter, and replaces the
 * single invocation of the test method by a {@link Race} whose call is the method itself.
 */
final class RaceExtension implements InvocationInterceptor, ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RaceKey.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new RaceKey("(replaced in each call of the race)");
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        invocation.skip();
        RaceTest settings = call.getExecutable().getAnnotation(RaceTest.class);
        Method method = call.getExecutable();
        method.setAccessible(true);
        Object target = call.getTarget().orElse(null);
        Object[] template = call.getArguments().toArray();
        Race.of((String key) -> {
            Object[] args = template.clone();
            RaceKey mine = new RaceKey(key);
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof RaceKey) {
                    args[i] = mine;
                }
            }
            try {
                method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
            }
            if (mine.answered() == null) {
                throw new IllegalStateException("the test method did not call RaceKey.answer(id)");
            }
            return mine.answered();
        }).threads(settings.threads()).rounds(settings.rounds())
                .roundTimeout(Duration.ofSeconds(settings.roundTimeoutSeconds())).assertRaceFree();
    }
}
