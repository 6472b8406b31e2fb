export const SITE_NAME = 'Yardstick';

export type PageTitleProps = {
  /** The page's own name; omitted on the home page. */
  title?: string;
};

/** React 19 hoists <title> into the document head. */
export const PageTitle = ({ title }: PageTitleProps) => <title>{title ? `${title} | ${SITE_NAME}` : SITE_NAME}</title>;
