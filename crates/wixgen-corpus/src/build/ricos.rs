//! Rich content (`wix.ricos.v1`), shared by the blog, forum and comments
//! packages: recursive nodes with a ONE-OF of node data, where the short
//! names `Type`, `Width`, `Alignment`, `Layout`, `Direction` and `Settings`
//! each name several different types (an enum and a message among them).

use super::types::*;
use crate::model::Ty;

const NS: &str = "wix.ricos.v1";

fn n(name: &str) -> String {
    format!("{NS}.{name}")
}

fn container(t: &mut Types) -> Ty {
    // PluginContainerData.Width is a message whose ONE-OF member `size` is an
    // enum named `Type`; DividerData.Width below is an enum.
    let width_type = enumeration(
        t,
        &n("PluginContainerData.Width.Type"),
        &[
            "CONTENT: Width matches the content width",
            "SMALL: Small Width",
            "ORIGINAL: Width will match the original asset width",
            "FULL_WIDTH: coast-to-coast display",
        ],
    );
    let width = message(
        t,
        &n("PluginContainerData.Width"),
        vec![one_of(
            "data",
            vec![
                f(
                    "size",
                    width_type,
                    "Width matching the content width, a small width, the original asset width, or full width.",
                ),
                f("custom", Ty::String, "A custom width value in pixels."),
            ],
        )],
        vec![],
    );
    let align = enumeration(
        t,
        &n("PluginContainerData.Alignment"),
        &[
            "CENTER: Center Alignment",
            "LEFT: Left Alignment",
            "RIGHT: Right Alignment",
        ],
    );
    let spoiler = message(
        t,
        &n("PluginContainerData.Spoiler"),
        vec![],
        vec![
            f(
                "enabled",
                Ty::Bool,
                "Sets whether the spoiler cover is enabled for this node. Defaults to `false`.",
            ),
            f(
                "description",
                Ty::String,
                "The description displayed on top of the spoiler cover.",
            ),
            f(
                "buttonText",
                Ty::String,
                "The text for the button used to remove the spoiler cover.",
            ),
        ],
    );
    let height = message(
        t,
        &n("PluginContainerData.Height"),
        vec![],
        vec![f("custom", Ty::String, "A custom height value in pixels.")],
    );
    message(
        t,
        &n("PluginContainerData"),
        vec![],
        vec![
            f("width", width, "The width of the node when it's displayed."),
            f("alignment", align, "The node's alignment within its container."),
            f("spoiler", spoiler, "Spoiler cover settings for the node."),
            f("height", height, "The height of the node when it's displayed."),
            f(
                "textWrap",
                Ty::Bool,
                "Sets whether text should wrap around this node when it's displayed. If `textWrap` is `false`, the node takes up the width of its container. Defaults to `true` for all node types except 'DIVIVDER' where it defaults to `false`.",
            ),
        ],
    )
}

fn link(t: &mut Types) -> Ty {
    let target = enumeration(
        t,
        &n("Link.Target"),
        &[
            "SELF: Opens the linked document in the same frame as it was clicked (this is default)",
            "BLANK: Opens the linked document in a new window or tab",
            "PARENT: Opens the linked document in the parent frame",
            "TOP: Opens the linked document in the full body of the window",
        ],
    );
    let rel = message(
        t,
        &n("Link.Rel"),
        vec![],
        vec![
            f(
                "nofollow",
                Ty::Bool,
                "Indicates to search engine crawlers not to follow the link. Defaults to `false`.",
            ),
            f(
                "sponsored",
                Ty::Bool,
                "Indicates to search engine crawlers that the link is a paid placement such as sponsored content or an advertisement. Defaults to `false`.",
            ),
            f(
                "ugc",
                Ty::Bool,
                "Indicates that this link is user-generated content and isn't necessarily trusted or endorsed by the page's author. For example, a link in a fourm post. Defaults to `false`.",
            ),
        ],
    );
    message(
        t,
        &n("Link"),
        vec![one_of(
            "data",
            vec![
                f("url", Ty::String, "The absolute URL for the linked document."),
                f(
                    "anchor",
                    Ty::String,
                    "The target node's GUID. Used for linking to another node in this object.",
                ),
            ],
        )],
        vec![
            f(
                "target",
                target,
                "he HTML `target` attribute value for the link. This property defines where the linked document opens as follows: `SELF` - Default. Opens the linked document in the same frame as the link. `BLANK` - Opens the linked document in a new browser tab or window. `PARENT` - Opens the linked document in the link's parent frame. `TOP` - Opens the linked document in the full body of the link's browser tab or window.",
            ),
            f(
                "rel",
                rel,
                "The HTML `rel` attribute value for the link. This object specifies the relationship between the current document and the linked document.",
            ),
            f(
                "customData",
                Ty::String,
                "A serialized object used for a custom or external link panel.",
            ),
        ],
    )
}

fn media(t: &mut Types) -> Ty {
    let source = message(
        t,
        &n("FileSource"),
        vec![one_of(
            "data",
            vec![
                f("url", Ty::String, "The absolute URL for the file's source."),
                f(
                    "id",
                    Ty::String,
                    "An GUID that's resolved to a URL by a resolver function.",
                ),
            ],
        )],
        vec![
            f(
                "private",
                Ty::Bool,
                "Indicates whether the file's source is private. Defaults to `false`.",
            )
            .ro(),
        ],
    );
    message(
        t,
        &n("Media"),
        vec![],
        vec![
            f("src", source, "The source for the media's data."),
            f("width", Ty::Int32, "Media width in pixels."),
            f("height", Ty::Int32, "Media height in pixels."),
            f(
                "duration",
                Ty::Number,
                "Media duration in seconds. Only relevant for audio and video files.",
            ),
        ],
    )
}

fn text_style(t: &mut Types) -> Ty {
    let align = enumeration(
        t,
        &n("TextStyle.TextAlignment"),
        &[
            "AUTO: browser default, eqivalent to `initial`",
            "LEFT: Left align",
            "RIGHT: Right align",
            "CENTER: Center align",
            "JUSTIFY: Text is spaced to line up its left and right edges to the left and right edges of the line box, except for the last line",
        ],
    );
    message(
        t,
        &n("TextStyle"),
        vec![],
        vec![
            f("textAlignment", align, "Text alignment. Defaults to `AUTO`."),
            f(
                "lineHeight",
                Ty::String,
                "A CSS `line-height` value for the text expressed as a ratio relative to the font size. For example, if the font size is 20px, a `lineHeight` value of `'1.5'`` results in a line height of 30px.",
            ),
        ],
    )
}

fn decoration(t: &mut Types, link: &Ty) -> Ty {
    let kind = enumeration(
        t,
        &n("Decoration.Type"),
        &[
            "BOLD",
            "ITALIC",
            "UNDERLINE",
            "SPOILER",
            "ANCHOR",
            "MENTION",
            "LINK",
            "COLOR",
            "FONT_SIZE",
            "EXTERNAL",
        ],
    );
    let anchor = message(
        t,
        &n("AnchorData"),
        vec![],
        vec![f("anchor", Ty::String, "The target node's GUID.")],
    );
    let color = message(
        t,
        &n("ColorData"),
        vec![],
        vec![
            f(
                "background",
                Ty::String,
                "The text's background color as a hexadecimal value.",
            ),
            f(
                "foreground",
                Ty::String,
                "The text's foreground color as a hexadecimal value.",
            ),
        ],
    );
    let link_data = message(
        t,
        &n("LinkData"),
        vec![],
        vec![f("link", link.clone(), "Link details.")],
    );
    let unit = enumeration(t, &n("FontSizeData.FontType"), &["PX", "EM"]);
    let font = message(
        t,
        &n("FontSizeData"),
        vec![],
        vec![
            f("unit", unit, "The units used for the font size."),
            f("value", Ty::Number, "Font size value."),
        ],
    );
    message(
        t,
        &n("Decoration"),
        vec![one_of(
            "data",
            vec![
                f("anchorData", anchor, "Data for an anchor link decoration."),
                f("colorData", color, "Data for a color decoration."),
                f("linkData", link_data, "Data for an external link decoration."),
                f("fontSizeData", font, "Data for a font size decoration."),
            ],
        )],
        vec![f("type", kind, "The type of decoration to apply.")],
    )
}

/// The `RichContent` message (and every type under it).
pub(crate) fn rich_content(t: &mut Types) -> Ty {
    if t.contains_key(&n("RichContent")) {
        return r(&n("RichContent"));
    }
    let cont = container(t);
    let link = link(t);
    let media = media(t);
    let text_style = text_style(t);
    let deco = decoration(t, &link);

    let button_type = enumeration(
        t,
        &n("ButtonData.Type"),
        &[
            "LINK: Regular link button",
            "ACTION: Triggers custom action that is defined in plugin configuration by the consumer",
        ],
    );
    let border = message(
        t,
        &n("ButtonData.Styles.Border"),
        vec![],
        vec![
            f("width", Ty::Int32, "Border width in pixels."),
            f("radius", Ty::Int32, "Border radius in pixels."),
        ],
    );
    let colors = message(
        t,
        &n("ButtonData.Styles.Colors"),
        vec![],
        vec![
            f("text", Ty::String, "The text color as a hexadecimal value."),
            f("border", Ty::String, "The border color as a hexadecimal value."),
            f("background", Ty::String, "The background color as a hexadecimal value."),
        ],
    );
    let styles = message(
        t,
        &n("ButtonData.Styles"),
        vec![],
        vec![
            f("border", border, "Border attributes."),
            f("colors", colors, "Colors attributes."),
        ],
    );
    let button = message(
        t,
        &n("ButtonData"),
        vec![],
        vec![
            f("containerData", cont.clone(), "Styling for the button's container."),
            f("type", button_type, "The button type."),
            f("styles", styles, "Styling for the button."),
            f("text", Ty::String, "The text to display on the button."),
            f("link", link.clone(), "Button link details."),
        ],
    );

    let line_style = enumeration(
        t,
        &n("DividerData.LineStyle"),
        &[
            "SINGLE: Single Line",
            "DOUBLE: Double Line",
            "DASHED: Dashed Line",
            "DOTTED: Dotted Line",
        ],
    );
    let divider_width = enumeration(
        t,
        &n("DividerData.Width"),
        &["LARGE: Large line", "MEDIUM: Medium line", "SMALL: Small line"],
    );
    let divider_align = enumeration(
        t,
        &n("DividerData.Alignment"),
        &[
            "CENTER: Center alignment",
            "LEFT: Left alignment",
            "RIGHT: Right alignment",
        ],
    );
    let divider = message(
        t,
        &n("DividerData"),
        vec![],
        vec![
            f("containerData", cont.clone(), "Styling for the divider's container."),
            f("lineStyle", line_style, "Divider line style."),
            f("width", divider_width, "Divider width."),
            f("alignment", divider_align, "Divider alignment."),
        ],
    );

    let image = message(
        t,
        &n("ImageData"),
        vec![],
        vec![
            f("containerData", cont.clone(), "Styling for the image's container."),
            f("image", media.clone(), "Image file details."),
            f("link", link.clone(), "Link details for images that are links."),
            f(
                "disableExpand",
                Ty::Bool,
                "Sets whether the image expands to full screen when clicked. Defaults to `false`.",
            ),
            f("altText", Ty::String, "Image's alternative text."),
            f(
                "caption",
                Ty::String,
                "Deprecated. Use the `caption` node instead. Image caption.",
            ),
        ],
    );

    let heading = message(
        t,
        &n("HeadingData"),
        vec![],
        vec![
            f("level", Ty::Int32, "Heading level from 1-6."),
            f("textStyle", text_style.clone(), "Styling for the heading text."),
            f("indentation", Ty::Int32, "Indentation level from 1-4."),
        ],
    );
    let paragraph = message(
        t,
        &n("ParagraphData"),
        vec![],
        vec![
            f("textStyle", text_style.clone(), "Styling for the paragraph text."),
            f("indentation", Ty::Int32, "Indentation level from 1-4."),
            f("level", Ty::Int32, "Paragraph level"),
        ],
    );
    let text = message(
        t,
        &n("TextData"),
        vec![],
        vec![
            f("text", Ty::String, "The text to apply decorations to."),
            f("decorations", arr(deco), "The decorations to apply."),
        ],
    );
    let code = message(
        t,
        &n("CodeBlockData"),
        vec![],
        vec![f("textStyle", text_style, "Styling for the code block's text.")],
    );

    // Gallery: `Layout` (a message with a `Type` enum), `Item.Image` (a second `Image`).
    let layout_type = enumeration(
        t,
        &n("GalleryOptions.Layout.Type"),
        &[
            "COLLAGE",
            "MASONRY",
            "GRID",
            "THUMBNAIL",
            "SLIDER",
            "SLIDESHOW",
            "PANORAMA",
            "COLUMN",
            "MAGIC",
            "FULLSIZE",
        ],
    );
    let orientation = enumeration(
        t,
        &n("GalleryOptions.Layout.Orientation"),
        &["ROWS: Rows Orientation", "COLUMNS: Columns Orientation"],
    );
    let layout = message(
        t,
        &n("GalleryOptions.Layout"),
        vec![],
        vec![
            f("type", layout_type, "Gallery layout type."),
            f(
                "horizontalScroll",
                Ty::Bool,
                "Sets whether horizontal scroll is enabled. Defaults to `true` unless the layout `type` is set to `GRID` or `COLLAGE`.",
            ),
            f("orientation", orientation, "Gallery orientation."),
            f(
                "numberOfColumns",
                Ty::Int32,
                "The number of columns to display on full size screens.",
            ),
        ],
    );
    let crop = enumeration(
        t,
        &n("GalleryOptions.ItemStyle.Crop"),
        &["FILL: Crop to fill", "FIT: Crop to fit"],
    );
    let item_style = message(
        t,
        &n("GalleryOptions.ItemStyle"),
        vec![],
        vec![
            f(
                "targetSize",
                Ty::Int32,
                "Desirable dimension for each item in pixels (behvaior changes according to gallery type)",
            ),
            f("ratio", Ty::Number, "Item ratio"),
            f("crop", crop, "Sets how item images are cropped."),
            f("spacing", Ty::Int32, "The spacing between items in pixels."),
        ],
    );
    let placement = enumeration(
        t,
        &n("GalleryOptions.Thumbnails.Alignment"),
        &[
            "TOP: Top alignment",
            "RIGHT: Right alignment",
            "BOTTOM: Bottom alignment",
            "LEFT: Left alignment",
            "NONE: No thumbnail",
        ],
    );
    let thumbs = message(
        t,
        &n("GalleryOptions.Thumbnails"),
        vec![],
        vec![
            f("placement", placement, "Thumbnail alignment."),
            f("spacing", Ty::Int32, "Spacing between thumbnails in pixels."),
        ],
    );
    let options = message(
        t,
        &n("GalleryOptions"),
        vec![],
        vec![
            f("layout", layout, "Gallery layout."),
            f("item", item_style, "Styling for gallery items."),
            f("thumbnails", thumbs, "Styling for gallery thumbnail images."),
        ],
    );
    let item_image = message(
        t,
        &n("Item.Image"),
        vec![],
        vec![
            f("media", media.clone(), "Image file details."),
            f("link", link.clone(), "Link details for images that are links."),
        ],
    );
    let item_video = message(
        t,
        &n("Item.Video"),
        vec![],
        vec![
            f("media", media.clone(), "Video file details."),
            f("thumbnail", media.clone(), "Video thumbnail file details."),
        ],
    );
    let item = message(
        t,
        &n("Item"),
        vec![one_of(
            "data",
            vec![
                f("image", item_image, "An image item."),
                f("video", item_video, "A video item."),
            ],
        )],
        vec![
            f("title", Ty::String, "Item title."),
            f("altText", Ty::String, "Item's alternative text."),
        ],
    );
    let gallery = message(
        t,
        &n("GalleryData"),
        vec![],
        vec![
            f("containerData", cont.clone(), "Styling for the gallery's container."),
            f("items", arr(item), "The items in the gallery."),
            f("options", options, "Options for defining the gallery's appearance."),
            f(
                "disableExpand",
                Ty::Bool,
                "Sets whether the gallery's expand button is disabled. Defaults to `false`.",
            ),
        ],
    );

    // Poll: `Settings`, a second `Layout`, more `Type`s, a `Direction`.
    let view_role = enumeration(
        t,
        &n("Poll.Settings.Permissions.ViewRole"),
        &[
            "CREATOR: Only Poll creator can view the results",
            "VOTERS: Anyone who voted can see the results",
            "EVERYONE: Anyone can see the results, even if one didn't vote",
        ],
    );
    let vote_role = enumeration(
        t,
        &n("Poll.Settings.Permissions.VoteRole"),
        &["SITE_MEMBERS: Logged in member", "ALL: Anyone"],
    );
    let perms = message(
        t,
        &n("Poll.Settings.Permissions"),
        vec![],
        vec![
            f("view", view_role, "Sets who can view the poll results."),
            f("vote", vote_role, "Sets who can vote."),
            f(
                "allowMultipleVotes",
                Ty::Bool,
                "Sets whether one voter can vote multiple times. Defaults to `false`.",
            ),
        ],
    );
    let poll_settings = message(
        t,
        &n("Poll.Settings"),
        vec![],
        vec![
            f("permissions", perms, "Permissions settings for voting."),
            f(
                "showVoters",
                Ty::Bool,
                "Sets whether voters are displayed in the vote results. Defaults to `true`.",
            ),
            f(
                "showVotesCount",
                Ty::Bool,
                "Sets whether the vote count is displayed. Defaults to `true`.",
            ),
        ],
    );
    let option = message(
        t,
        &n("Poll.Option"),
        vec![],
        vec![
            f("id", Ty::String, "Option GUID."),
            f("title", Ty::String, "Option title."),
            f("image", media.clone(), "The image displayed with the option."),
        ],
    );
    let poll = message(
        t,
        &n("Poll"),
        vec![],
        vec![
            f("id", Ty::String, "Poll GUID."),
            f("title", Ty::String, "Poll title."),
            f("creatorId", Ty::String, "Poll creator GUID."),
            f("image", media.clone(), "Main poll image."),
            f("options", arr(option), "Voting options."),
            f(
                "settings",
                poll_settings,
                "The poll's permissions and display settings.",
            ),
        ],
    );
    let poll_layout_type = enumeration(t, &n("PollData.Layout.PollLayout.Type"), &["LIST: List", "GRID: Grid"]);
    let poll_direction = enumeration(
        t,
        &n("PollData.Layout.PollLayout.Direction"),
        &["LTR: Left-to-right", "RTL: Right-to-left"],
    );
    let poll_layout = message(
        t,
        &n("PollData.Layout.PollLayout"),
        vec![],
        vec![
            f(
                "type",
                poll_layout_type,
                "The layout for displaying the voting options.",
            ),
            f(
                "direction",
                poll_direction,
                "The direction of the text displayed in the voting options. Text can be displayed either right-to-left or left-to-right.",
            ),
            f(
                "enableImage",
                Ty::Bool,
                "Sets whether to display the main poll image. Defaults to `false`.",
            ),
        ],
    );
    let option_layout = message(
        t,
        &n("PollData.Layout.OptionLayout"),
        vec![],
        vec![f(
            "enableImage",
            Ty::Bool,
            "Sets whether to display option images. Defaults to `false`.",
        )],
    );
    let poll_data_layout = message(
        t,
        &n("PollData.Layout"),
        vec![],
        vec![
            f("poll", poll_layout, "Poll layout settings."),
            f("options", option_layout, "Voting otpions layout settings."),
        ],
    );
    let bg_type = enumeration(
        t,
        &n("PollData.Design.PollDesign.Background.Type"),
        &[
            "COLOR: Color background type",
            "IMAGE: Image background type",
            "GRADIENT: Gradiant background type",
        ],
    );
    let background = message(
        t,
        &n("PollData.Design.PollDesign.Background"),
        vec![one_of(
            "background",
            vec![
                f("color", Ty::String, "The background color as a hexademical value."),
                f("image", media, "An image to use for the background."),
            ],
        )],
        vec![f(
            "type",
            bg_type,
            "Background type. For each option, include the relevant details.",
        )],
    );
    let poll_design = message(
        t,
        &n("PollData.Design.PollDesign"),
        vec![],
        vec![
            f("background", background, "Background styling."),
            f("borderRadius", Ty::Int32, "Border radius in pixels."),
        ],
    );
    let design = message(
        t,
        &n("PollData.Design"),
        vec![],
        vec![f("poll", poll_design, "Styling for the poll.")],
    );
    let poll_data = message(
        t,
        &n("PollData"),
        vec![],
        vec![
            f("containerData", cont.clone(), "Styling for the poll's container."),
            f("poll", poll, "Poll data."),
            f(
                "layout",
                poll_data_layout,
                "Layout settings for the poll and voting options.",
            ),
            f("design", design, "Styling for the poll and voting options."),
        ],
    );

    // Collapsible list: a second `Direction`, identical to the poll's.
    let expanded = enumeration(
        t,
        &n("CollapsibleListData.InitialExpandedItems"),
        &[
            "FIRST: First item will be expended initally",
            "ALL: All items will expended initally",
            "NONE: All items collapsed initally",
        ],
    );
    let direction = enumeration(
        t,
        &n("CollapsibleListData.Direction"),
        &["LTR: Left-to-right", "RTL: Right-to-left"],
    );
    let collapsible = message(
        t,
        &n("CollapsibleListData"),
        vec![],
        vec![
            f("containerData", cont, "Styling for the collapsible list's container."),
            f(
                "expandOnlyOne",
                Ty::Bool,
                "If `true`, only one item can be expanded at a time. Defaults to `false`.",
            ),
            f(
                "initialExpandedItems",
                expanded,
                "Sets which items are expanded when the page loads.",
            ),
            f(
                "direction",
                direction,
                "The direction of the text in the list. Either left-to-right or right-to-left.",
            ),
            f(
                "isQapageData",
                Ty::Bool,
                "If `true`, The collapsible item will appear in search results as an FAQ.",
            ),
        ],
    );

    let node_type = enumeration(
        t,
        &n("Node.Type"),
        &[
            "PARAGRAPH",
            "TEXT",
            "HEADING",
            "BULLETED_LIST",
            "ORDERED_LIST",
            "LIST_ITEM",
            "BLOCKQUOTE",
            "CODE_BLOCK",
            "VIDEO",
            "DIVIDER",
            "FILE",
            "GALLERY",
            "GIF",
            "HTML",
            "IMAGE",
            "LINK_PREVIEW",
            "MAP",
            "POLL",
            "APP_EMBED",
            "BUTTON",
            "COLLAPSIBLE_LIST",
            "TABLE",
            "EMBED",
            "COLLAPSIBLE_ITEM",
            "EXTERNAL",
            "CAPTION",
            "LAYOUT",
            "LAYOUT_CELL",
        ],
    );
    let node_style = message(
        t,
        &n("NodeStyle"),
        vec![],
        vec![
            f("paddingTop", Ty::String, "The top padding value in pixels."),
            f("paddingBottom", Ty::String, "The bottom padding value in pixels."),
            f(
                "backgroundColor",
                Ty::String,
                "The background color as a hexadecimal value.",
            ),
        ],
    );
    let node = message(
        t,
        &n("Node"),
        vec![one_of(
            "data",
            vec![
                f("buttonData", button, "Data for a button node."),
                f("codeBlockData", code, "Data for a code block node."),
                f("dividerData", divider, "Data for a divider node."),
                f("galleryData", gallery, "Data for a gallery node."),
                f("headingData", heading, "Data for a heading node."),
                f("imageData", image, "Data for an image node."),
                f("paragraphData", paragraph, "Data for a paragraph node."),
                f("pollData", poll_data, "Data for a poll node."),
                f(
                    "textData",
                    text,
                    "Data for a text node. Used to apply decorations to text.",
                ),
                f("collapsibleListData", collapsible, "Data for a collapsible list node."),
            ],
        )],
        vec![
            f(
                "type",
                node_type,
                "Node type. Use `APP_EMBED` for nodes that embed content from other Wix apps. Use `EMBED` to embed content in [oEmbed](https://oembed.com/) format.",
            ),
            f("id", Ty::String, "Node GUID."),
            f("nodes", arr(r(&n("Node"))), "A list of child nodes."),
            f(
                "style",
                node_style,
                "Padding and background color styling for the node.",
            ),
        ],
    );
    let metadata = message(
        t,
        &n("Metadata"),
        vec![],
        vec![
            f("version", Ty::Int32, "Schema version."),
            f("createdTimestamp", Ty::Timestamp, "When the object was created.").ro(),
            f(
                "updatedTimestamp",
                Ty::Timestamp,
                "When the object was most recently updated.",
            ),
            f("id", Ty::String, "Object GUID."),
        ],
    );
    let text_node_style = message(
        t,
        &n("TextNodeStyle"),
        vec![],
        vec![
            f(
                "decorations",
                arr(r(&n("Decoration"))),
                "The decorations to apply to the node.",
            ),
            f(
                "nodeStyle",
                r(&n("NodeStyle")),
                "Padding and background color for the node.",
            ),
            f("lineHeight", Ty::String, "Line height for text in the node."),
        ],
    );
    let doc_style = message(
        t,
        &n("DocumentStyle"),
        vec![],
        vec![
            f("paragraph", text_node_style.clone(), "Styling for paragraph nodes."),
            f("blockquote", text_node_style.clone(), "Styling for block quote nodes."),
            f("codeBlock", text_node_style, "Styling for code block nodes."),
        ],
    );
    message(
        t,
        &n("RichContent"),
        vec![],
        vec![
            f("nodes", arr(node), "Node objects representing a rich content document."),
            f("metadata", metadata, "Object metadata."),
            f(
                "documentStyle",
                doc_style,
                "Global styling for header, paragraph, block quote, and code block nodes in the object.",
            ),
        ],
    )
}
