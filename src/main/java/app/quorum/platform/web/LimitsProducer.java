package app.quorum.platform.web;

import app.quorum.platform.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.Map;

/** The text limits for the pages: {@code maxlength="#{limits.MEETING_DESCRIPTION}"} reads {@link Limits}. */
@ApplicationScoped
public class LimitsProducer {

    @Produces
    @Named("limits")
    @ApplicationScoped
    Map<String, Integer> limits() {
        return Limits.all();
    }
}
