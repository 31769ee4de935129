package app.quorum.roster.boundary;

import app.quorum.meeting.control.MeetingView;
import app.quorum.platform.Limits;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.Feedback;
import app.quorum.roster.control.CardSheet;
import app.quorum.roster.control.ImportPreview;
import app.quorum.roster.control.SignInCards;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import app.quorum.roster.control.ImportProblem;
import app.quorum.roster.control.ImportRow;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.RosterExport;
import app.quorum.roster.control.RosterImport;
import app.quorum.roster.control.RosterService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Import of a roster file in two steps: the preview names every row's problem and writes nothing; importing
 * writes every row or none. Also the roster's export with attendance, to CSV and XLSX.
 */
@Named
@ViewScoped
public class RosterImportBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RosterImport importer;

    @Inject
    transient RosterExport exporter;

    @Inject
    transient RosterService roster;

    @Inject
    transient SignInCards cards;

    @Inject
    @ConfigProperty(name = "quorum.public.url")
    transient Optional<String> publicUrl;

    private String fileName;
    private ImportPreview preview;

    /**
     * Previews an uploaded file. Its size was checked by the upload component (in the browser and again here) against
     * QUORUM_ROSTER_MAX_MB, and is checked once more as the importer reads it.
     */
    public void upload(FileUploadEvent event) throws IOException {
        String name = event.getFile().getFileName();
        if (name != null && name.length() > Limits.FILE_NAME) {
            preview = null;
            fileName = null;
            Feedback.error("roster.import.fileNameTooLong", Limits.FILE_NAME);
            return;
        }
        fileName = name;
        try (InputStream content = event.getFile().getInputStream()) {
            preview = importer.preview(content, fileName, roster.identityKeys(meetingId()));
        }
    }

    /** Writes the previewed rows, all or none; the preview must have no problem left. */
    public void confirm() {
        if (preview == null || !preview.valid()) {
            Feedback.error("roster.import.fixFirst");
            return;
        }
        List<ParticipantDraft> drafts = preview.rows().stream()
                .map(row -> new ParticipantDraft(row.fullName(), row.position(), row.unit(), row.role(), row.voting(), row.phone(), row.email()))
                .toList();
        int added = roster.importAll(meetingId(), drafts);
        Feedback.info("roster.import.done", added);
        preview = null;
        fileName = null;
    }

    public void discard() {
        preview = null;
        fileName = null;
    }

    /** The problems of one row, in the user's language, one sentence each. */
    public String problemsOf(ImportRow row) {
        return row.problems().stream().map(problem -> problem.text(Bundle.currentLocale())).collect(Collectors.joining(" "));
    }

    public List<String> getFileProblems() {
        return preview == null ? List.of() : preview.fileProblems().stream().map(p -> p.text(Bundle.currentLocale())).toList();
    }

    public List<ImportRow> getProblemRows() {
        return preview == null ? List.of() : preview.rows().stream().filter(row -> !row.valid()).toList();
    }

    public StreamedContent getCsv() {
        return download("csv", RosterExport.CSV_CONTENT_TYPE, true);
    }

    public StreamedContent getXlsx() {
        return download("xlsx", RosterExport.XLSX_CONTENT_TYPE, false);
    }

    private StreamedContent download(String extension, String contentType, boolean csv) {
        var people = roster.roster(meetingId());
        var locale = Bundle.currentLocale();
        byte[] bytes;
        try (var out = new java.io.ByteArrayOutputStream()) {
            if (csv) {
                exporter.csv(people, locale, out);
            } else {
                exporter.xlsx(people, locale, out);
            }
            bytes = out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return DefaultStreamedContent.builder()
                .name(Bundle.text(locale, "roster.export.fileName", meetingId(), LocalDate.now()) + "." + extension)
                .contentType(contentType)
                .contentLength((long) bytes.length)
                .stream(() -> new java.io.ByteArrayInputStream(bytes))
                .build();
    }

    /**
     * New sign-in cards for the whole roster, as a PDF to print: every earlier card stops working (the page asks for
     * confirmation first). The codes exist only in this PDF.
     */
    public StreamedContent getCards() {
        var locale = Bundle.currentLocale();
        String signIn = signInAddress();
        List<CardSheet.Card> issued = roster.issueCards(meetingId(), List.of()).entrySet().stream()
                .map(entry -> new CardSheet.Card(entry.getKey().getFullName(), entry.getKey().getPosition(), entry.getKey().getUnit(),
                        entry.getKey().getRole(), entry.getKey().isVoting(), entry.getValue(),
                        signIn + "?code=" + entry.getValue()))
                .toList();
        byte[] pdf = cards.render(new CardSheet(getMeeting().getOrganiser(), getMeeting().getTitle(), signIn, issued), locale);
        return DefaultStreamedContent.builder()
                .name(Bundle.text(locale, "roster.cards.fileName", meetingId()) + ".pdf")
                .contentType("application/pdf")
                .contentLength((long) pdf.length)
                .stream(() -> new java.io.ByteArrayInputStream(pdf))
                .build();
    }

    /** The sign-in page's address as delegates reach it: QUORUM_PUBLIC_URL, or this request's own. */
    String signInAddress() {
        String base = publicUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", "")).orElseGet(() -> {
            var request = (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getExternalContext().getRequest();
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
        });
        return base + "/sign-in.xhtml";
    }

    public String getFileName() {
        return fileName;
    }

    public ImportPreview getPreview() {
        return preview;
    }

    public List<String> getProblemKeys() {
        return ImportProblem.KEYS;
    }
}
