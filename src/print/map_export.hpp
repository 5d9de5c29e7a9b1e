// SPDX-License-Identifier: MIT
#pragma once
// `safermap map`: one printed map of a project as PDF, SVG or PNG, drawn from the same style
// model as the viewer, with a title, subtitle, legend, scale bar, north arrow, method line,
// attribution of the data shown and a protective marking; or, for a public audience, with the
// disclosure rules of jobs/disclosure applied (no points, no fine surfaces, no small counts).

#include "core/result_metadata.hpp"
#include "jobs/disclosure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safermap::print {

struct MapRequest {
    std::string project;
    std::string out;                      // .pdf, .svg or .png
    std::string paper = "A4", orientation = "landscape";
    double dpi = 150;                     // PNG pixels; resolution of surfaces in PDF and SVG
    std::string scale;                    // "1:N"; empty: fit the view to the frame
    std::string view;                     // a saved view (bookmark) or priority area
    std::string bounds;                   // "XMIN,YMIN,XMAX,YMAX" in the project's CRS
    std::vector<std::string> layers;      // empty: the meeting defaults
    std::vector<std::string> analyses;    // density, hotspots, emerging, ward_hotspots, clusters
    std::optional<double> bandwidth_m;    // KDE; default 250 m
    std::string from, to;
    std::vector<std::string> categories;
    std::string title, subtitle;
    jobs::Audience audience;
};

// Writes request.out (under a temporary name, renamed when complete) and says what it drew:
// method "map", output, format, paper, page size in points, pixels (PNG), scale, layers,
// analyses, the method line, the attribution and the marking. Throws ConfigError for options
// that cannot be used (public mode's refusals name it), IoError naming a file.
ResultMetadata export_map(const MapRequest& request);

} // namespace safermap::print
