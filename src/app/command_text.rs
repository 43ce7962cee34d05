//! The words of the command table: each command's menu text and tooltip.

use super::command_table::Action;

impl Action {
    pub fn title(self) -> String {
        let fixed = match self {
            Action::Open => "Open…",
            Action::OpenFolder => "Open folder…",
            Action::ShowDesk => "Reports in folder",
            Action::NextReport => "Next report to review",
            Action::NewFromClipboard => "New review from clipboard",
            Action::BuiltInFileDialog => "Use the built-in file dialog",
            Action::Reimport => "Re-import article…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::Export => "Export…",
            Action::ExportReport => "Export report…",
            Action::AnalystName => "Your name…",
            Action::ArticleDetails => "Article details…",
            Action::ImportAnnotations => "Import annotations…",
            Action::CompareWith => "Compare with…",
            Action::StopComparing => "Stop comparing",
            Action::NextDisagreement => "Next disagreement",
            Action::PreviousDisagreement => "Previous disagreement",
            Action::TakeA => "Take A (this review)",
            Action::TakeB => "Take B (the other review)",
            Action::TakeAllA => "Take all of A where B has nothing",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::NextSentence => "Next sentence",
            Action::PreviousSentence => "Previous sentence",
            Action::FirstSentence => "First sentence",
            Action::LastSentence => "Last sentence",
            Action::ExtendDown => "Extend selection down",
            Action::ExtendUp => "Extend selection up",
            Action::NextUnlabelled => "Next sentence to review",
            Action::MoveOnAfterLabel => "Move on after labelling",
            Action::DarkTheme => "Dark theme",
            Action::Find => "Find…",
            Action::FindNext => "Find next",
            Action::FindPrevious => "Find previous",
            Action::ClearLabel => "Clear label",
            Action::AcceptSuggestion => "Accept suggestion",
            Action::RerunSuggestions => "Re-run suggestions",
            Action::AcceptAbove => "Accept all suggestions above…",
            Action::SplitAtCaret => "Split sentence at the clicked point",
            Action::MergeWithNext => "Merge with next sentence",
            Action::EditLabels => "Edit labels…",
            Action::SourceSummary => "Source summary",
            Action::ShowHelp => "Keyboard shortcuts",
            Action::NextReview => "Next review",
            Action::PreviousReview => "Previous review",
            Action::CloseReview => "Close review",
            Action::FinishNote => "Keep the note (in the note field)",
            Action::Label(c) => return format!("Apply the label with hotkey {c}"),
            Action::Reliability(r) => {
                return format!("Source reliability {}: {}", r.letter(), r.meaning());
            }
            Action::Credibility(c) => {
                return format!("Claim credibility {}: {}", c.digit(), c.meaning());
            }
        };
        fixed.to_string()
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Action::Open => {
                "Open an article (.txt, .md, a saved web page .html) or a saved review (.ron)"
            }
            Action::NewFromClipboard => {
                "Review the text you copied (from a browser, a PDF viewer, a mail); its first line \
                 is the title, and the first save asks for a name"
            }
            Action::OpenFolder => {
                "List every review and article in a folder and its sub-folders, to search them \
                 and open any in a tab"
            }
            Action::ShowDesk => {
                "The open folder's reports, with a search across all of them (again: back to \
                 the review)"
            }
            Action::NextReport => {
                "Open the folder's next report that still has sentences no one confirmed"
            }
            Action::BuiltInFileDialog => {
                "Choose files in claimlens' own dialog instead of the desktop's (kept for next time)"
            }
            Action::Reimport => {
                "Load a new version of the article and move every claim to where its text is now"
            }
            Action::Save => "Save the review; the first save asks where",
            Action::SaveAs => "Save the review under a new name",
            Action::ExportReport => {
                "Write the sourcing report for a reader: summary, warnings, the text with each \
                 claim numbered and its source note (printable HTML or Markdown)"
            }
            Action::ImportAnnotations => {
                "Open another tool's annotations of this article (W3C Web Annotation, brat .ann, \
                 Label Studio JSON, doccano JSONL) as a new review beside this one"
            }
            Action::CompareWith => {
                "Open another analyst's review of this article beside this one: which sentences \
                 you disagree on, and the agreement figures"
            }
            Action::StopComparing => "Close the other review and show the claims list again",
            Action::NextDisagreement | Action::PreviousDisagreement => {
                "Select the next (or previous) sentence the two reviews disagree on that is not \
                 settled yet"
            }
            Action::TakeA => {
                "Settle the selected disagreement with this review's judgement (A), recording your \
                 name; the first decision starts a new review, the adjudication"
            }
            Action::TakeB => {
                "Settle the selected disagreement with the other review's judgement (B): its \
                 label, source, grades and note; a label key instead settles it with that label"
            }
            Action::TakeAllA => {
                "Settle every disagreement where only this review (A) has a label by taking A's, \
                 as one step"
            }
            Action::ArticleDetails => {
                "The report's title, outlet, date, byline and address, where its file says \
                 nothing or says it wrong (on the desk: of the report pointed at); the desk \
                 lists, filters and counts reports by them"
            }
            Action::AnalystName => {
                "The name your saves record in each review (who created it, who changed it \
                 last), which exports and comparisons show"
            }
            Action::Export => {
                "Export the review for a spreadsheet, a script or another annotation tool: CSV, \
                 JSON Lines, W3C Web Annotation, brat standoff, Label Studio"
            }
            Action::Quit => "Close claimlens, asking first about unsaved changes",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the change just undone",
            Action::NextSentence | Action::PreviousSentence => {
                "Move the selection; the view follows"
            }
            Action::FirstSentence | Action::LastSentence => {
                "Jump to the start or end of the article"
            }
            Action::ExtendDown | Action::ExtendUp => "Select several sentences to label at once",
            Action::NextUnlabelled => {
                "The next sentence with no label or an unconfirmed suggestion"
            }
            Action::MoveOnAfterLabel => {
                "After a label key or Enter, select the next sentence to review (kept for next time)"
            }
            Action::DarkTheme => {
                "Light text on a dark page; off: dark text on a light page (kept for next time)"
            }
            Action::Find => "Find words in the article and its notes; every match is highlighted",
            Action::FindNext | Action::FindPrevious => {
                "Go to the next or previous match (Enter / Shift+Enter in the find field)"
            }
            Action::ClearLabel => "Remove the label of the selected sentences",
            Action::AcceptSuggestion => "Confirm the suggested label of the selected sentences",
            Action::RerunSuggestions => "Suggest again for sentences the analyst has not labelled",
            Action::AcceptAbove => "Confirm every suggestion at or above a confidence you choose",
            Action::SplitAtCaret => "Click the point in a sentence first, then press S",
            Action::MergeWithNext => "Join the selected sentence and the one after it",
            Action::EditLabels => "Add, rename, recolour, re-key or delete labels",
            Action::SourceSummary => "The sources with their grades, and how much rests on each",
            Action::ShowHelp => "This list of keys",
            Action::NextReview | Action::PreviousReview => {
                "Show the next or previous open review (each keeps its selection and history)"
            }
            Action::CloseReview => "Close the review shown, asking first about unsaved changes",
            Action::FinishNote => "Keep the note and close its editor",
            Action::Label(_) => "Apply this label to the selected sentences (one undo step)",
            Action::Reliability(_) => "Grade the source of the selected claim",
            Action::Credibility(_) => "Grade the credibility of the selected claim",
        }
    }
}
