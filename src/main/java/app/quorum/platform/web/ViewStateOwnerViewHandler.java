package app.quorum.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * A view state restores only the page it was made for. Mojarra keeps a session's view states by id and restores
 * whichever the post names into the posted page's tree; a state of another page (of the same session: another tab, an
 * old form, a forged post) then restores a page whose view-scoped beans were never loaded, and the page failed while it
 * rendered (a NullPointerException in an expression, the general error page). Every page rendered here carries its own
 * view id in its state; a postback whose restored state names another page is an expired view — the expired page,
 * for a plain post as for ajax ({@link ExpiredViewExceptionHandlerFactory}).
 */
public class ViewStateOwnerViewHandler extends ViewHandlerWrapper {

    static final String OWNER = "app.quorum.viewStateOwner";

    public ViewStateOwnerViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        UIViewRoot root = super.restoreView(context, viewId);
        if (root != null && !root.isTransient()) {
            Object owner = root.getAttributes().get(OWNER);
            if (!root.getViewId().equals(owner)) {
                throw new ViewExpiredException("the posted view state was made for " + owner + ", not for " + root.getViewId(),
                        root.getViewId());
            }
        }
        return root;
    }

    @Override
    public void renderView(FacesContext context, UIViewRoot root) throws IOException {
        if (!root.isTransient() && !root.getViewId().equals(root.getAttributes().get(OWNER))) {
            root.getAttributes().put(OWNER, root.getViewId());
        }
        super.renderView(context, root);
    }
}
