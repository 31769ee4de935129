package app.quorum.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A post whose view state cannot be restored into its page — an expired one, one of another page or another session,
 * a made-up one, a cross-site post — is answered with the expired page ({@code WEB-INF/errorpages/expired.xhtml}):
 * a 400 that says what happened, never the general error page, and nothing in the log, since nothing failed on the
 * server. Mojarra throws a {@link ViewExpiredException} only when it finds no state under the posted id; a state of
 * another view under a valid id fails later, while the tree is restored, with whatever the mismatch breaks (an
 * ArrayIndexOutOfBoundsException): any failure of a postback's restore-view phase is the same case.
 *
 * <p>A plain post gets the expired page rendered in place of the view (an exception left to the servlet container
 * would be a 500 and a stack trace in its log); an ajax post gets a ViewExpiredException for OmniFaces' full-ajax
 * handler, which renders the same page into the ajax answer (and, by web.xml's
 * {@code org.omnifaces.EXCEPTION_TYPES_TO_IGNORE_IN_LOGGING}, does not log it).
 */
public class ExpiredViewExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredViewExceptionHandler(getWrapped().getExceptionHandler());
    }

    static final String EXPIRED_PAGE = "/WEB-INF/errorpages/expired.xhtml";

    static class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

        ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            boolean ajax = context.getPartialViewContext().isAjaxRequest();
            boolean expiredPage = false;
            List<ViewExpiredException> expired = new ArrayList<>();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext();) {
                ExceptionQueuedEventContext queued = events.next().getContext();
                // Mojarra queues a phase's exception without its phase: the phase is the one ending now
                PhaseId phase = queued.getPhaseId() != null ? queued.getPhaseId() : context.getCurrentPhaseId();
                if (phase != PhaseId.RESTORE_VIEW || !context.isPostback()) {
                    continue;
                }
                Throwable thrown = queued.getException();
                if (!ajax) {
                    events.remove();
                    expiredPage = true;
                } else if (!isExpired(thrown)) {
                    String viewId = context.getExternalContext().getRequestServletPath();
                    // without its cause: OmniFaces unwraps a FacesException to its cause, and would handle the
                    // restore's ArrayIndexOutOfBoundsException as an error (the general error page, logged)
                    expired.add(new ViewExpiredException("the posted view state does not restore " + viewId + " (" + thrown + ")", viewId));
                    events.remove();
                }
            }
            for (ViewExpiredException exception : expired) {
                context.getApplication().publishEvent(context, ExceptionQueuedEvent.class,
                        new ExceptionQueuedEventContext(context, exception, null, PhaseId.RESTORE_VIEW));
            }
            if (expiredPage) {
                context.setViewRoot(context.getApplication().getViewHandler().createView(context, EXPIRED_PAGE));
                context.renderResponse();
            }
            getWrapped().handle();
        }

        static boolean isExpired(Throwable thrown) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
