package app.quorum.platform.web;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Iterator;

/**
 * Turns a {@link Refusal} thrown by a service, in any request (ajax or not), into a message in the user's
 * language on the same page; the service already rolled back, so nothing changed. A service's Bean Validation
 * that said no ({@link ConstraintViolationException}: a text over its limit that the form let through) is said the
 * same way, each violation's message (already in the user's language) on the page. Every other exception goes on to
 * OmniFaces' full-ajax handler and the error pages.
 */
public class RefusalExceptionHandlerFactory extends ExceptionHandlerFactory {

    public RefusalExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new RefusalExceptionHandler(getWrapped().getExceptionHandler());
    }

    static class RefusalExceptionHandler extends ExceptionHandlerWrapper {

        RefusalExceptionHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext();) {
                Throwable exception = events.next().getContext().getException();
                Refusal refusal = causeOf(exception, Refusal.class);
                ConstraintViolationException invalid = refusal == null ? causeOf(exception, ConstraintViolationException.class) : null;
                if (refusal != null) {
                    String text = Bundle.text(Bundle.currentLocale(), refusal.key(), refusal.arguments());
                    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
                } else if (invalid != null) {
                    for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, violation.getMessage(), null));
                    }
                } else {
                    continue;
                }
                context.validationFailed();
                events.remove();
                context.renderResponse();
            }
            getWrapped().handle();
        }

        static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    return type.cast(cause);
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return null;
        }
    }
}
