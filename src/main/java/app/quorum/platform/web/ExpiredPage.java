package app.quorum.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer of the expired page: a post from a page whose state is gone (a session that ended, another session's or a
 * made-up view state, a cross-site post) is a request that cannot be done, not a failure of the server — 400, not the
 * 500 the servlet container gives every exception's error page. An ajax request keeps its 200, so that PrimeFaces
 * shows the page that says what happened.
 */
@Named
@RequestScoped
public class ExpiredPage {

    public void answer() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.getPartialViewContext().isAjaxRequest()) {
            faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
