package app.quorum.platform.web;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * Turns a {@link Refusal} thrown by a service, in any request (ajax or not), into a message in the user's
 * language on the same page; the service already rolled back, so nothing changed. Every other exception goes
 * on to OmniFaces' full-ajax handler and the error pages.
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
                Refusal refusal = refusalIn(events.next().getContext().getException());
                if (refusal != null) {
                    String text = Bundle.text(Bundle.currentLocale(), refusal.key(), refusal.arguments());
                    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
                    context.validationFailed();
                    events.remove();
                    context.renderResponse();
                }
            }
            getWrapped().handle();
        }

        static Refusal refusalIn(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refusal) {
                    return refusal;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return null;
        }
    }
}
