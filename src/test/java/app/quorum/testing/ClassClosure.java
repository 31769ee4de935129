package app.quorum.testing;

import jakarta.ejb.DependsOn;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.Entity;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes of Quorum (app.quorum.*) a set of classes needs in a container, read from the compiled classes:
 * <ol>
 *   <li>every Quorum class a class names in its constant pool (types it calls, creates, declares, casts to, or names in
 *       an annotation, such as a validator or a converter), and the classes nested in it;</li>
 *   <li>every entity a string of it names (JPQL: {@code "SELECT p FROM Participation p"}), since EclipseLink checks the
 *       named queries when it deploys;</li>
 *   <li>the observers of the events in the set (a CDI event carries news to a feature that nobody calls), the
 *       singletons an {@code @DependsOn} names, and the beans the container itself calls — automatic timers
 *       ({@code @Schedule}, such as the countdown that closes a ballot) and {@code @Startup} singletons — that work with
 *       a class of the set (name one, other than those every deployment holds);</li>
 * </ol>
 * and again for each class added, until nothing more is added. {@code follow} says which classes are followed at all.
 */
final class ClassClosure {

    private static final Pattern QUORUM_NAME = Pattern.compile("app/quorum/[A-Za-z0-9_$/]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, List<String>> strings = new HashMap<>();
    private final Map<String, String> entityNames = new HashMap<>();
    private final List<String> observers = new ArrayList<>();
    private final List<String> driven = new ArrayList<>();
    private final Set<String> known = new TreeSet<>();

    /** Reads every class under the given class folders (target/classes, target/test-classes). */
    ClassClosure(Collection<Path> folders) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                    String name = folder.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                    name = name.substring(0, name.length() - ".class".length());
                    if (name.startsWith("app.quorum.") && known.add(name)) {
                        List<String> pool = utf8Constants(file);
                        strings.put(name, pool);
                        if (pool.contains("Ljakarta/persistence/Entity;")) {
                            entityNames.put(entityName(name), name);
                        }
                        if (pool.contains("Ljakarta/ejb/Schedule;") || pool.contains("Ljakarta/ejb/Schedules;")
                                || pool.contains("Ljakarta/ejb/Startup;")) {
                            driven.add(name);
                        }
                        if (pool.contains("Ljakarta/enterprise/event/Observes;") || pool.contains("Ljakarta/enterprise/event/ObservesAsync;")) {
                            observers.add(name);
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The closure of {@code roots} (binary names), following only the classes {@code follow} accepts; a timer or start-up
     * bean comes along when it names a class of the closure other than {@code basics}.
     */
    Set<String> of(Collection<String> roots, Collection<String> basics, Predicate<String> follow) {
        Set<String> found = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(roots);
        while (true) {
            while (!next.isEmpty()) {
                String name = next.pop();
                if (!known.contains(name) || !follow.test(name) || !found.add(name)) {
                    continue;
                }
                next.addAll(references(name));
            }
            List<String> more = new ArrayList<>();
            for (String observer : observers) {
                if (!found.contains(observer) && observes(observer).stream().anyMatch(found::contains)) {
                    more.add(observer);
                }
            }
            for (String bean : driven) {
                if (!found.contains(bean) && references(bean).stream().anyMatch(name -> found.contains(name) && !basics.contains(name))) {
                    more.add(bean);
                }
            }
            for (String name : found) {
                more.addAll(dependsOn(name));
            }
            more.removeIf(name -> found.contains(name) || !follow.test(name));
            if (more.isEmpty()) {
                return found;
            }
            next.addAll(more);
        }
    }

    /** The Quorum classes a class names: in its constant pool, its nested classes, and the entities its strings name. */
    private Set<String> references(String name) {
        Set<String> names = new TreeSet<>();
        for (String constant : strings.get(name)) {
            Matcher quorum = QUORUM_NAME.matcher(constant);
            while (quorum.find()) {
                names.add(quorum.group().replace('/', '.'));
            }
            if (constant.indexOf(' ') >= 0) {
                Matcher word = WORD.matcher(constant);
                while (word.find()) {
                    String entity = entityNames.get(word.group());
                    if (entity != null) {
                        names.add(entity);
                    }
                }
            }
        }
        known.stream().filter(other -> other.startsWith(name + "$")).forEach(names::add);
        return names;
    }

    /** The event types a class observes. */
    private static List<String> observes(String name) {
        List<String> types = new ArrayList<>();
        for (Method method : load(name).getDeclaredMethods()) {
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(Observes.class) || parameter.isAnnotationPresent(ObservesAsync.class)) {
                    types.add(parameter.getType().getName());
                }
            }
        }
        return types;
    }

    /** The singletons a class's {@code @DependsOn} names (by their EJB names, the classes' simple names). */
    private List<String> dependsOn(String name) {
        DependsOn depends = load(name).getAnnotation(DependsOn.class);
        if (depends == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String ejb : depends.value()) {
            known.stream().filter(other -> other.endsWith("." + ejb)).forEach(names::add);
        }
        return names;
    }

    private static String entityName(String name) {
        Entity entity = load(name).getAnnotation(Entity.class);
        return entity != null && !entity.name().isEmpty() ? entity.name() : name.substring(name.lastIndexOf('.') + 1);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ClassClosure.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is compiled but not on the class path", e);
        }
    }

    /** The UTF-8 constants of a class file's constant pool (class and member names, descriptors, strings). */
    static List<String> utf8Constants(Path classFile) {
        try (InputStream file = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(file))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            List<String> constants = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> constants.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // a long or a double takes two entries
                    }
                    default -> throw new IOException("unknown constant tag " + tag + " in " + classFile);
                }
            }
            return constants;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
