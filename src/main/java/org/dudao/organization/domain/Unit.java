package org.dudao.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.dudao.organization.UnitCommand;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;
import org.dudao.shared.db.AuditedEntity;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;

/** 单位. A node of the organisation tree; guards its own fields and its place in the tree. */
@Entity
@Table(name = "organization_unit")
public class Unit extends AuditedEntity {

    private static final Pattern PHONE = Pattern.compile("[0-9０-９+()（）\\-—转,，、/ ]{3,50}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "tree_path", nullable = false)
    private String treePath = "/";

    private String name;

    @Column(name = "short_name")
    private String shortName;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "contact_person")
    private String contactPerson;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_address")
    private String contactAddress;

    private String note;

    @Column(name = "source_ref")
    private String sourceRef;

    protected Unit() {}

    public Unit(UnitCommand command, Unit parent) {
        this.parentId = parent == null ? null : parent.id;
        apply(command);
    }

    /** Validates and copies the editable fields. */
    public void apply(UnitCommand c) {
        this.name = Texts.required("name", c.name(), 100);
        this.shortName = Texts.optional("shortName", c.shortName(), 50);
        if (c.kind() == null) {
            throw new InvalidInputException("kind", "validation.required");
        }
        this.kind = c.kind();
        int order = c.sortOrder() == null ? 0 : c.sortOrder();
        if (order < 0 || order > 99999) {
            throw new InvalidInputException("sortOrder", "validation.range", 0, 99999);
        }
        this.sortOrder = order;
        this.contactPerson = Texts.optional("contactPerson", c.contactPerson(), 50);
        String phone = Texts.optional("contactPhone", c.contactPhone(), 50);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("contactPhone", "validation.phone");
        }
        this.contactPhone = phone;
        this.contactAddress = Texts.optional("contactAddress", c.contactAddress(), 200);
        this.note = Texts.multiline("note", c.note(), 2000);
        if (c.sourceRef() != null) {
            this.sourceRef = Texts.optional("sourceRef", c.sourceRef(), 200);
        }
    }

    /** Called once the id is known: this unit's path is its parent's path plus its own id. */
    public void placeUnder(Unit parent) {
        this.parentId = parent == null ? null : parent.id;
        this.treePath = (parent == null ? "/" : parent.treePath) + id + "/";
    }

    /** Moving a unit under itself or one of its descendants would cut the tree into a loop. */
    public void checkCanMoveUnder(Unit newParent) {
        if (newParent != null && newParent.treePath.startsWith(this.treePath)) {
            throw new InvalidInputException("parentId", "unit.moveIntoOwnSubtree");
        }
    }

    public boolean isWithin(long rootId) {
        return treePath.contains("/" + rootId + "/");
    }

    public List<Long> pathIds() {
        return Arrays.stream(treePath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    public UnitView view() {
        return new UnitView(
                id,
                parentId,
                name,
                shortName,
                kind,
                sortOrder,
                contactPerson,
                contactPhone,
                contactAddress,
                note,
                sourceRef,
                pathIds().size() - 1);
    }

    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getTreePath() {
        return treePath;
    }

    public String getName() {
        return name;
    }

    public UnitKind getKind() {
        return kind;
    }
}
