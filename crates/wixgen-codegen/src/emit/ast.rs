//! Syntax trees built directly, for the items every type repeats: struct and
//! enum definitions, their `impl` blocks (`unknown_keys`, `new`, the setters,
//! `as_str`, `from_wire`), `__object!` invocations and the page tests.
//!
//! The other emitters build token streams with `quote!`, which prettyplease
//! can only format after `syn` parses them back. These items were most of that
//! parsing (a fifth of a generation's instructions), so they are built as
//! `syn` items and formatted as they are. They must print exactly as their
//! tokens do once parsed (the one-file form and `include_api!` take the
//! tokens): the tests below compare the two, and the corpus output is
//! compared byte for byte.

use super::docs;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::punctuated::Punctuated;
use syn::{
    Arm, Attribute, Block, Expr, ExprCall, ExprField, ExprLit, ExprMatch, ExprMethodCall, ExprPath, ExprStruct,
    FieldValue, FnArg, ImplItem, ImplItemFn, Item, ItemImpl, Lit, Member, Pat, PatIdent, PatType, Path, ReturnType,
    Signature, Stmt, Type, Visibility,
};

/// `T` parsed from `tokens`: for the small pieces that still come from the
/// token-based emitters (a ONE-OF group's fields, a ONE-OF accessor).
///
/// # Panics
/// If the tokens do not parse as `T`: a bug in this crate, as for
/// [`crate::format_file`].
pub(crate) fn parse<T: syn::parse::Parse>(tokens: TokenStream) -> T {
    match syn::parse2(tokens) {
        Ok(value) => value,
        Err(e) => panic!("wixgen-codegen produced invalid Rust: {e}"),
    }
}

// Nothing here is cached between calls: inside `include_api!` a syntax tree
// holds the compiler's symbols, which do not outlive one expansion.

fn receiver(reference: bool) -> FnArg {
    FnArg::Receiver(syn::Receiver {
        attrs: Vec::new(),
        mutability: (!reference).then(Default::default),
        self_token: Default::default(),
        kind: if reference {
            syn::ReceiverKind::Reference(Default::default(), None, None)
        } else {
            syn::ReceiverKind::Value
        },
    })
}

/// `&elem`.
pub(crate) fn reference(elem: Type) -> Type {
    Type::Reference(syn::TypeReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        lifetime: None,
        mutability: None,
        elem: Box::new(elem),
    })
}

const UNKNOWN_KEYS: [&str; 4] = ["wix_client", "wire", "unknown", "UnknownKeys"];

/// `<Self as wix_client::wire::object::Object>::empty()`.
fn empty_rest() -> Expr {
    let trait_path = ["wix_client", "wire", "object", "Object"];
    let mut path = path(&trait_path, false);
    path.segments.push(syn::PathSegment::from(word("empty")));
    let func = Expr::Path(ExprPath {
        attrs: Vec::new(),
        qself: Some(syn::QSelf {
            lt_token: Default::default(),
            ty: Box::new(self_ty()),
            position: trait_path.len(),
            as_token: Some(Default::default()),
            gt_token: Default::default(),
        }),
        path,
    });
    call(func, [])
}

/// `#[doc]` attributes for already safe lines (as [`docs::lines_to_attrs`]).
pub(crate) fn doc_attrs(lines: &[String]) -> Vec<Attribute> {
    lines.iter().map(|line| doc_attr(line)).collect()
}

fn doc_attr(line: &str) -> Attribute {
    let value = Expr::Lit(ExprLit {
        attrs: Vec::new(),
        lit: Lit::new(docs::doc_literal(line)),
    });
    outer_attr(syn::Meta::NameValue(syn::MetaNameValue {
        path: Path::from(word("doc")),
        eq_token: Default::default(),
        value,
    }))
}

/// `#[deprecated]`.
fn deprecated_attr() -> Attribute {
    outer_attr(syn::Meta::Path(Path::from(word("deprecated"))))
}

fn outer_attr(meta: syn::Meta) -> Attribute {
    Attribute {
        pound_token: Default::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: Default::default(),
        meta,
    }
}

/// The doc attributes of `lines`, then `#[deprecated]` when `deprecated`.
pub(crate) fn attrs(lines: &[String], deprecated: bool) -> Vec<Attribute> {
    let mut attrs = doc_attrs(lines);
    if deprecated {
        attrs.push(deprecated_attr());
    }
    attrs
}

/// `items` with a comma after each, the last too: as `syn` parses a struct's
/// fields, an enum's variants and a struct literal's fields before `..`.
fn trailing_commas<T>(items: Vec<T>) -> Punctuated<T, syn::Token![,]> {
    let mut out: Punctuated<T, syn::Token![,]> = items.into_iter().collect();
    if !out.is_empty() {
        out.push_punct(Default::default());
    }
    out
}

fn visibility(public: bool) -> Visibility {
    if public {
        Visibility::Public(Default::default())
    } else {
        Visibility::Inherited
    }
}

/// `<ty>` (`::<ty>` with `turbofish`), the generic arguments of a path segment.
fn one_type_arg(ty: Type, turbofish: bool) -> syn::PathArguments {
    syn::PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
        colon2_token: turbofish.then(Default::default),
        lt_token: Default::default(),
        args: std::iter::once(syn::GenericArgument::Type(ty)).collect(),
        gt_token: Default::default(),
    })
}

/// A path expression of one identifier (`value`, `Some`).
pub(crate) fn var(id: &Ident) -> Expr {
    path_expr(Path::from(id.clone()))
}

/// A path expression.
pub(crate) fn path_expr(path: Path) -> Expr {
    Expr::Path(ExprPath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// `Self::Variant`.
pub(crate) fn self_variant(variant: &Ident) -> Path {
    let mut path = Path::from(Ident::new("Self", Span::call_site()));
    path.segments.push(syn::PathSegment::from(variant.clone()));
    path
}

fn word(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// `self`.
pub(crate) fn self_expr() -> Expr {
    var(&word("self"))
}

/// `self.field`.
pub(crate) fn self_field(field: &Ident) -> Expr {
    Expr::Field(ExprField {
        attrs: Vec::new(),
        base: Box::new(self_expr()),
        dot_token: Default::default(),
        member: Member::Named(field.clone()),
    })
}

/// `func(args...)`.
pub(crate) fn call(func: Expr, args: impl IntoIterator<Item = Expr>) -> Expr {
    Expr::Call(ExprCall {
        attrs: Vec::new(),
        func: Box::new(func),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `Some(value)`.
pub(crate) fn some(value: Expr) -> Expr {
    call(var(&word("Some")), [value])
}

/// `receiver.method()`.
pub(crate) fn method_call(receiver: Expr, method: &str) -> Expr {
    Expr::MethodCall(ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method: word(method),
        turbofish: None,
        paren_token: Default::default(),
        args: Punctuated::new(),
    })
}

/// `"text"` as an expression.
pub(crate) fn str_lit(text: &str) -> Expr {
    Expr::Lit(ExprLit {
        attrs: Vec::new(),
        lit: Lit::Str(syn::LitStr::new(text, Span::call_site())),
    })
}

/// A function parameter `name: ty`.
pub(crate) fn param(name: &Ident, ty: Type) -> FnArg {
    FnArg::Typed(PatType {
        attrs: Vec::new(),
        pat: Box::new(ident_pat(name)),
        colon_token: Default::default(),
        ty: Box::new(ty),
    })
}

fn ident_pat(name: &Ident) -> Pat {
    Pat::Ident(PatIdent {
        attrs: Vec::new(),
        by_ref: None,
        mutability: None,
        ident: name.clone(),
        subpat: None,
    })
}

/// A statement ending in `;`.
pub(crate) fn stmt(expr: Expr) -> Stmt {
    Stmt::Expr(expr, Some(Default::default()))
}

/// The block's value: a last expression without `;`.
pub(crate) fn tail(expr: Expr) -> Stmt {
    Stmt::Expr(expr, None)
}

/// `left = right`.
pub(crate) fn assign(left: Expr, right: Expr) -> Expr {
    Expr::Assign(syn::ExprAssign {
        attrs: Vec::new(),
        left: Box::new(left),
        eq_token: Default::default(),
        right: Box::new(right),
    })
}

/// A receiver: `&self` or `mut self`.
#[derive(Clone, Copy)]
pub(crate) enum Receiver {
    Ref,
    MutValue,
}

/// A method of an inherent impl.
pub(crate) struct Method {
    pub attrs: Vec<Attribute>,
    pub public: bool,
    pub name: Ident,
    pub receiver: Option<Receiver>,
    pub params: Vec<FnArg>,
    pub output: Type,
    pub body: Vec<Stmt>,
}

impl Method {
    pub(crate) fn build(self) -> ImplItem {
        let mut inputs: Punctuated<FnArg, syn::Token![,]> = Punctuated::new();
        match self.receiver {
            Some(Receiver::Ref) => inputs.push(receiver(true)),
            Some(Receiver::MutValue) => inputs.push(receiver(false)),
            None => {}
        }
        inputs.extend(self.params);
        ImplItem::Fn(ImplItemFn {
            attrs: self.attrs,
            vis: visibility(self.public),
            modifiers: Default::default(),
            sig: signature(
                self.name,
                inputs,
                ReturnType::Type(Default::default(), Box::new(self.output)),
            ),
            block: Block {
                brace_token: Default::default(),
                stmts: self.body,
            },
        })
    }
}

/// `fn name(inputs) output`.
fn signature(name: Ident, inputs: Punctuated<FnArg, syn::Token![,]>, output: ReturnType) -> Signature {
    Signature {
        constness: None,
        asyncness: None,
        safety: syn::Safety::Default,
        abi: None,
        fn_token: Default::default(),
        ident: name,
        generics: Default::default(),
        paren_token: Default::default(),
        inputs,
        variadic: None,
        output,
    }
}

/// `impl Name { items }`.
pub(crate) fn inherent_impl(name: &Ident, items: Vec<ImplItem>) -> Item {
    Item::Impl(ItemImpl {
        attrs: Vec::new(),
        modifiers: Default::default(),
        unsafety: None,
        impl_token: Default::default(),
        generics: Default::default(),
        trait_: None,
        self_ty: Box::new(named_type(name)),
        brace_token: Default::default(),
        items,
    })
}

/// `#[derive(...)]` with `traits` as written (`Debug, Clone,`).
pub(crate) fn derive_attr(traits: TokenStream) -> Attribute {
    outer_attr(syn::Meta::List(syn::MetaList {
        path: Path::from(word("derive")),
        delimiter: syn::MacroDelimiter::Paren(Default::default()),
        tokens: traits,
    }))
}

/// `#[non_exhaustive]`.
pub(crate) fn non_exhaustive_attr() -> Attribute {
    outer_attr(syn::Meta::Path(Path::from(word("non_exhaustive"))))
}

/// A named field: `attrs pub? name: ty`.
pub(crate) fn field(attrs: Vec<Attribute>, public: bool, name: &Ident, ty: Type) -> syn::Field {
    syn::Field {
        attrs,
        vis: visibility(public),
        modifiers: Default::default(),
        ident: Some(name.clone()),
        colon_token: Some(Default::default()),
        ty,
        default: None,
    }
}

/// The named fields in `tokens` (`attrs pub name: ty,` ...), parsed.
pub(crate) fn parse_fields(tokens: TokenStream) -> Vec<syn::Field> {
    let item: syn::ItemStruct = parse(quote!(struct Fields { #tokens }));
    item.fields.into_iter().collect()
}

/// `attrs pub struct Name { fields, }`.
pub(crate) fn named_struct(attrs: Vec<Attribute>, name: &Ident, fields: Vec<syn::Field>) -> Item {
    Item::Struct(syn::ItemStruct {
        attrs,
        vis: visibility(true),
        struct_token: Default::default(),
        ident: name.clone(),
        generics: Default::default(),
        fields: syn::Fields::Named(syn::FieldsNamed {
            brace_token: Default::default(),
            named: trailing_commas(fields),
        }),
        semi_token: None,
    })
}

/// `path!(tokens);` as an item (its tokens kept as they are, as `syn` keeps
/// a macro's).
pub(crate) fn macro_item(path: Path, tokens: TokenStream) -> Item {
    Item::Macro(syn::ItemMacro {
        attrs: Vec::new(),
        ident: None,
        mac: syn::Macro {
            path,
            bang_token: Default::default(),
            delimiter: syn::MacroDelimiter::Paren(Default::default()),
            tokens,
        },
        semi_token: Some(Default::default()),
    })
}

/// An enum variant: `attrs Name` or `attrs Name(ty)`.
pub(crate) fn variant(attrs: Vec<Attribute>, name: &Ident, ty: Option<Type>) -> syn::Variant {
    syn::Variant {
        attrs,
        ident: name.clone(),
        fields: match ty {
            None => syn::Fields::Unit,
            Some(ty) => syn::Fields::Unnamed(syn::FieldsUnnamed {
                paren_token: Default::default(),
                unnamed: std::iter::once(syn::Field {
                    attrs: Vec::new(),
                    vis: Visibility::Inherited,
                    modifiers: Default::default(),
                    ident: None,
                    colon_token: None,
                    ty,
                    default: None,
                })
                .collect(),
            }),
        },
        discriminant: None,
    }
}

/// `attrs pub enum Name { variants, }`.
pub(crate) fn enum_item(attrs: Vec<Attribute>, name: &Ident, variants: Vec<syn::Variant>) -> Item {
    Item::Enum(syn::ItemEnum {
        attrs,
        vis: visibility(true),
        enum_token: Default::default(),
        ident: name.clone(),
        generics: Default::default(),
        brace_token: Default::default(),
        variants: trailing_commas(variants),
    })
}

/// A generated round-trip test: `attrs #[test] fn name() {
/// round_trip::<crate::Type>(input, None | Some(expected)); }`.
pub(crate) fn round_trip_test(
    mut attrs: Vec<Attribute>,
    name: &Ident,
    ty: &Ident,
    input: proc_macro2::Literal,
    expected: Option<proc_macro2::Literal>,
) -> Item {
    attrs.push(outer_attr(syn::Meta::Path(Path::from(word("test")))));
    let mut crate_ty = path(&["crate"], false);
    crate_ty.segments.push(syn::PathSegment::from(ty.clone()));
    let mut round_trip = Path::from(word("round_trip"));
    if let Some(last) = round_trip.segments.last_mut() {
        last.arguments = one_type_arg(
            Type::Path(syn::TypePath {
                attrs: Vec::new(),
                qself: None,
                path: crate_ty,
            }),
            true,
        );
    }
    let lit = |literal| {
        Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit: Lit::new(literal),
        })
    };
    let second = match expected {
        None => var(&word("None")),
        Some(expected) => some(lit(expected)),
    };
    Item::Fn(syn::ItemFn {
        attrs,
        vis: Visibility::Inherited,
        modifiers: Default::default(),
        sig: signature(name.clone(), Punctuated::new(), ReturnType::Default),
        block: Box::new(Block {
            brace_token: Default::default(),
            stmts: vec![stmt(call(path_expr(round_trip), [lit(input), second]))],
        }),
    })
}

/// `mod name { use super::round_trip; items }`.
pub(crate) fn test_module(name: &Ident, items: Vec<Item>) -> Item {
    let use_helper = Item::Use(syn::ItemUse {
        attrs: Vec::new(),
        vis: Visibility::Inherited,
        use_token: Default::default(),
        leading_colon: None,
        tree: syn::UseTree::Path(syn::UsePath {
            ident: word("super"),
            colon2_token: Default::default(),
            tree: Box::new(syn::UseTree::Name(syn::UseName {
                ident: word("round_trip"),
            })),
        }),
        semi_token: Default::default(),
    });
    Item::Mod(syn::ItemMod {
        attrs: Vec::new(),
        vis: Visibility::Inherited,
        unsafety: None,
        mod_token: Default::default(),
        ident: name.clone(),
        content: Some((Default::default(), std::iter::once(use_helper).chain(items).collect())),
        semi: None,
    })
}

/// The type of the field that keeps unknown keys.
pub(crate) fn unknown_keys_type() -> Type {
    path_type(&UNKNOWN_KEYS, false, None)
}

/// A path type: `::a::b::C` (`leading`) or `C`, with one generic argument
/// on its last segment when `arg` is given.
pub(crate) fn path_type(segments: &[&str], leading: bool, arg: Option<Type>) -> Type {
    let mut path = path(segments, leading);
    if let (Some(arg), Some(last)) = (arg, path.segments.last_mut()) {
        last.arguments = one_type_arg(arg, false);
    }
    Type::Path(syn::TypePath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// The path `::a::b` (`leading`) or `a::b`.
pub(crate) fn path(segments: &[&str], leading: bool) -> Path {
    Path {
        leading_colon: leading.then(Default::default),
        segments: segments.iter().map(|s| syn::PathSegment::from(word(s))).collect(),
    }
}

/// `impl <into><inner>`, where `into` is `Into` or its full path.
pub(crate) fn impl_trait(into: Type, inner: Type) -> Type {
    let Type::Path(mut into) = into else {
        return into;
    };
    if let Some(last) = into.path.segments.last_mut() {
        last.arguments = one_type_arg(inner, false);
    }
    Type::ImplTrait(syn::TypeImplTrait {
        attrs: Vec::new(),
        impl_token: Default::default(),
        bounds: std::iter::once(syn::TypeParamBound::Trait(syn::TraitBound {
            paren_token: None,
            lifetimes: None,
            modifiers: Default::default(),
            maybe: None,
            path: into.path,
        }))
        .collect(),
    })
}

/// A type named by one identifier.
pub(crate) fn named_type(name: &Ident) -> Type {
    Type::Path(syn::TypePath {
        attrs: Vec::new(),
        qself: None,
        path: Path::from(name.clone()),
    })
}

/// `pub fn with_<field>(mut self, <field>: ty) -> Self { self.<field> = value; self }`.
pub(crate) fn setter(attrs: Vec<Attribute>, field: &Ident, ty: Type, value: Expr) -> ImplItem {
    let name = super::idents::ident(&format!("with_{}", super::idents::bare(&field.to_string())));
    Method {
        attrs,
        public: true,
        name,
        receiver: Some(Receiver::MutValue),
        params: vec![param(field, ty)],
        output: self_ty(),
        body: vec![stmt(assign(self_field(field), value)), tail(self_expr())],
    }
    .build()
}

/// `Self`, as a type.
pub(crate) fn self_ty() -> Type {
    path_type(&["Self"], false, None)
}

/// `&str`, as a type.
pub(crate) fn str_ty() -> Type {
    reference(path_type(&["str"], false, None))
}

/// `Self { field: value, ..., ..<Self as Object>::empty() }`.
pub(crate) fn self_with_rest(fields: Vec<(Ident, Option<Expr>)>) -> Expr {
    let fields: Vec<FieldValue> = fields
        .into_iter()
        .map(|(id, value)| match value {
            Some(expr) => FieldValue {
                attrs: Vec::new(),
                member: Member::Named(id),
                colon_token: Some(Default::default()),
                expr,
            },
            None => FieldValue {
                attrs: Vec::new(),
                expr: var(&id),
                member: Member::Named(id),
                colon_token: None,
            },
        })
        .collect();
    Expr::Struct(ExprStruct {
        attrs: Vec::new(),
        qself: None,
        path: Path::from(word("Self")),
        brace_token: Default::default(),
        // As parsed: a comma before `..` (without it the tokens would read
        // `value ..<Self as ...>`, a range).
        fields: trailing_commas(fields),
        dot2_token: Some(Default::default()),
        rest: Some(Box::new(empty_rest())),
    })
}

/// `match scrutinee { pat => body, ... }`.
pub(crate) fn match_expr(scrutinee: Expr, arms: Vec<(Pat, Expr)>) -> Expr {
    Expr::Match(ExprMatch {
        attrs: Vec::new(),
        match_token: Default::default(),
        expr: Box::new(scrutinee),
        brace_token: Default::default(),
        arms: arms
            .into_iter()
            .map(|(pat, body)| Arm {
                attrs: Vec::new(),
                pat,
                fat_arrow_token: Default::default(),
                body: Box::new(body),
                comma: Some(Default::default()),
            })
            .collect(),
    })
}

/// The pattern `Self::Variant`.
pub(crate) fn variant_pat(variant: &Ident) -> Pat {
    Pat::Path(ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: self_variant(variant),
    })
}

/// The pattern `Self::Variant(binding)`.
pub(crate) fn variant_tuple_pat(variant: &Ident, binding: &Ident) -> Pat {
    Pat::TupleStruct(syn::PatTupleStruct {
        attrs: Vec::new(),
        qself: None,
        path: self_variant(variant),
        paren_token: Default::default(),
        elems: std::iter::once(ident_pat(binding)).collect(),
    })
}

/// The pattern `"text"`.
pub(crate) fn str_pat(text: &str) -> Pat {
    Pat::Lit(ExprLit {
        attrs: Vec::new(),
        lit: Lit::Str(syn::LitStr::new(text, Span::call_site())),
    })
}

/// The pattern `name` (a binding).
pub(crate) fn binding_pat(name: &Ident) -> Pat {
    ident_pat(name)
}

#[cfg(test)]
mod tests {
    use crate::emit::package_code;
    use crate::pieces::{Piece, Pieces};
    use crate::render::{format_file, format_pieces};
    use wixgen_ir::model::Api;

    /// Every package's `types.rs` prints the same from its built items as from
    /// their tokens parsed back (the path goldens and `include_api!` take),
    /// and some items were built. Returns how many.
    fn built_items_print_as_parsed(api: &Api) -> usize {
        let mut built = 0;
        let (checked, responses) = crate::layout::check(api);
        let files = api.packages.iter().flat_map(|package| {
            [
                package_code(package).types_file(),
                crate::layout::package_tests_file(package, &checked, &responses),
            ]
            .map(|code| (package, code))
        });
        for (package, code) in files {
            built += code
                .clone()
                .into_vec()
                .iter()
                .filter(|p| matches!(p, Piece::Item(_)))
                .count();
            let direct = format_pieces(code.clone());
            let parsed = format_file(code.to_tokens());
            if let Some((n, (a, b))) = direct
                .lines()
                .zip(parsed.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b)
            {
                panic!("package {}, line {}: built {a:?}, parsed {b:?}", package.name, n + 1);
            }
            assert_eq!(direct.len(), parsed.len(), "package {}", package.name);
        }
        built
    }

    #[test]
    fn edge_case_items_print_as_their_tokens_do() {
        assert!(built_items_print_as_parsed(&wixgen_corpus::fixture::api()) > 10);
    }

    #[test]
    fn full_prelude_paths_print_as_their_tokens_do() {
        // A type named `Option` makes the package spell the prelude in full.
        let mut api = wixgen_corpus::fixture::api();
        for t in &mut api.packages[0].types {
            if let wixgen_ir::model::NamedType::Struct(s) = t
                && s.rust_name == "Paging"
            {
                s.rust_name = "Option".into();
            }
        }
        let code = package_code(&api.packages[0]).types_file();
        let text = format_pieces(code.clone());
        assert!(text.contains("::std::option::Option<"), "{text}");
        assert!(text.contains("::std::boxed::Box<"), "{text}");
        assert!(text.contains("impl ::std::convert::Into<"), "{text}");
        assert!(built_items_print_as_parsed(&api) > 10);
    }

    #[test]
    fn corpus_items_print_as_their_tokens_do() {
        let dir = tempfile::tempdir().unwrap();
        wixgen_corpus::generate(400).write_to(dir.path()).unwrap();
        let generation = crate::generate(dir.path(), &crate::Options::checked_in()).unwrap();
        assert!(!generation.has_errors(), "{}", generation.report());
        assert!(built_items_print_as_parsed(&generation.api) > 1000);
    }

    #[test]
    fn an_empty_file_of_items_only_formats() {
        let item: syn::Item = syn::parse_quote!(
            struct A;
        );
        assert_eq!(format_pieces(Pieces::item(item)), "struct A;\n");
    }
}
